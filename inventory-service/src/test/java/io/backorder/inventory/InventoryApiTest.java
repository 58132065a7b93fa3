package io.backorder.inventory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.backorder.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class InventoryApiTest {

    @Test
    void readinessChecksDatabaseAndBroker() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Reactive Messaging")));
    }

    @Test
    void businessEndpointsNeedAToken() {
        given().get("/skus").then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/skus").then().statusCode(401);
    }

    @Test
    void rolesAreEnforced() {
        given().auth()
                .oauth2(Tokens.platform())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "x", "backorderPolicy", "ALLOW"))
                .put("/skus/FORBIDDEN-1")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void malformedJsonIsAProblemAndChangesNothing() {
        given().auth()
                .oauth2(Tokens.operator())
                .contentType(ContentType.JSON)
                .body("{\"name\": \"broken\", ")
                .put("/skus/BROKEN-1")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", not(containsString("Exception")));
        given().auth()
                .oauth2(Tokens.operator())
                .get("/skus/BROKEN-1")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void invalidFieldsAreListed() {
        given().auth()
                .oauth2(Tokens.operator())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "", "backorderPolicy", "ALLOW", "leadTimeDays", -1))
                .put("/skus/INVALID-1")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("leadTimeDays"));
    }

    @Test
    void inconsistentPolicyIsRefused() {
        given().auth()
                .oauth2(Tokens.operator())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Capped without cap", "backorderPolicy", "ALLOW_CAPPED"))
                .put("/skus/CAPPED-NO-CAP")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
    }

    @Test
    void stockCannotDropBelowReservedOrZero() {
        InventoryFixtures.location("api-wh");
        InventoryFixtures.sku("API-NEG", "ALLOW", Map.of());
        InventoryFixtures.stock("API-NEG", "api-wh", 2);
        given().auth()
                .oauth2(Tokens.operator())
                .contentType(ContentType.JSON)
                .body(Map.of("sku", "API-NEG", "locationId", "api-wh", "delta", -3, "reason", "DAMAGE"))
                .post("/stock/adjustments")
                .then()
                .statusCode(422);
        given().auth()
                .oauth2(Tokens.operator())
                .get("/stock/API-NEG")
                .then()
                .statusCode(200)
                .body("onHand", equalTo(2));
    }

    @Test
    void quoteTellsAvailableBackorderableAndNotOrderableApart() {
        InventoryFixtures.location("quote-wh");
        InventoryFixtures.sku("Q-STOCKED", "DENY", Map.of());
        InventoryFixtures.stock("Q-STOCKED", "quote-wh", 5);
        InventoryFixtures.sku("Q-BACKORDER", "ALLOW", Map.of("leadTimeDays", 10));
        InventoryFixtures.sku("Q-DENIED", "DENY", Map.of());

        given().auth()
                .oauth2(Tokens.platform())
                .contentType(ContentType.JSON)
                .body(Map.of("lines", List.of(
                        Map.of("sku", "Q-STOCKED", "quantity", 2),
                        Map.of("sku", "Q-BACKORDER", "quantity", 1),
                        Map.of("sku", "Q-DENIED", "quantity", 1),
                        Map.of("sku", "Q-UNKNOWN", "quantity", 1))))
                .post("/quotes")
                .then()
                .statusCode(200)
                .body("lines[0].availability", equalTo("AVAILABLE_NOW"))
                .body("lines[1].availability", equalTo("BACKORDERABLE"))
                .body("lines[1].confidence", equalTo("LOW"))
                .body("lines[2].availability", equalTo("NOT_ORDERABLE"))
                .body("lines[2].reason", equalTo("OUT_OF_STOCK"))
                .body("lines[3].reason", equalTo("UNKNOWN_SKU"));
    }
}
