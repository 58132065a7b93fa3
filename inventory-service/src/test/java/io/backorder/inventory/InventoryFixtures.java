package io.backorder.inventory;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.backorder.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** Sets up catalog and stock through the public API, as an operator would. */
final class InventoryFixtures {

    private InventoryFixtures() {
    }

    static void location(String id) {
        given().auth()
                .oauth2(Tokens.operator())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Warehouse " + id))
                .put("/locations/{id}", id)
                .then()
                .statusCode(200);
    }

    static void sku(String sku, String policy, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("name", "Item " + sku);
        body.put("backorderPolicy", policy);
        given().auth()
                .oauth2(Tokens.operator())
                .contentType(ContentType.JSON)
                .body(body)
                .put("/skus/{sku}", sku)
                .then()
                .statusCode(200);
    }

    static void stock(String sku, String location, int delta) {
        stock(sku, location, delta, "INITIAL_COUNT");
    }

    static void stock(String sku, String location, int delta, String reason) {
        given().auth()
                .oauth2(Tokens.operator())
                .contentType(ContentType.JSON)
                .body(Map.of("sku", sku, "locationId", location, "delta", delta, "reason", reason))
                .post("/stock/adjustments")
                .then()
                .statusCode(200);
    }

    /** Receives goods without a purchase-order line; returns the receipt as the endpoint answered it. */
    static ExtractableResponse<Response> receive(String location,
            String sku, int quantity) {
        return given().auth()
                .oauth2(Tokens.operator())
                .contentType(ContentType.JSON)
                .body(Map.of("locationId", location, "lines", List.of(Map.of("sku", sku, "quantity",
                        quantity))))
                .post("/receipts")
                .then()
                .statusCode(201)
                .extract();
    }
}
