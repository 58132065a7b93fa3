package io.backorder.supplier;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.backorder.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Sets up suppliers, agreements and purchase orders through the public API, as an operator would. */
final class SupplierFixtures {

    private SupplierFixtures() {
    }

    static RequestSpecification operator() {
        return given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON);
    }

    static RequestSpecification asSupplier(String supplierId) {
        return given().auth().oauth2(Tokens.supplier(supplierId)).contentType(ContentType.JSON);
    }

    static void supplier(String id) {
        operator().body(Map.of("name", "Supplier " + id, "contactEmail", id + "@example.com"))
                .put("/suppliers/{id}", id)
                .then()
                .statusCode(200);
    }

    /** Standard terms valid since yesterday, open-ended; {@code extra} adds or overrides fields. */
    static Map<String, Object> terms(String supplierId, String sku, String unitPrice, int leadTimeDays,
            Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>();
        body.put("supplierId", supplierId);
        body.put("sku", sku);
        body.put("currency", "EUR");
        body.put("unitPrice", unitPrice);
        body.put("leadTimeDays", leadTimeDays);
        body.put("validFrom", LocalDate.now().minusDays(1).toString());
        body.putAll(extra);
        return body;
    }

    static String agreement(String supplierId, String sku, String unitPrice, int leadTimeDays,
            Map<String, Object> extra) {
        return operator().body(terms(supplierId, sku, unitPrice, leadTimeDays, extra))
                .post("/agreements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** An operator's purchase order for one line per SKU; returns its id. */
    static String purchaseOrder(String supplierId, String location, Map<String, Integer> quantities) {
        List<Map<String, Object>> lines = quantities.entrySet()
                .stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> Map.<String, Object>of("sku", e.getKey(), "quantity", e.getValue()))
                .toList();
        return operator().body(Map.of("supplierId", supplierId, "locationId", location, "lines", lines))
                .post("/purchase-orders")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String lineId(String purchaseOrderId, int number) {
        return purchaseOrderId + "-" + number;
    }
}
