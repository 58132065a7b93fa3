package io.backorder.supplier;

import static io.backorder.supplier.SupplierFixtures.agreement;
import static io.backorder.supplier.SupplierFixtures.operator;
import static io.backorder.supplier.SupplierFixtures.supplier;
import static io.backorder.supplier.SupplierFixtures.terms;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.backorder.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class AgreementApiTest {

    @Test
    void readinessChecksDatabaseAndBroker() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Reactive Messaging")));
    }

    @Test
    void operatorEndpointsNeedAnOperator() {
        given().get("/agreements").then().statusCode(401).contentType("application/problem+json");
        for (String token : List.of(Tokens.platform(), Tokens.supplier("acme"))) {
            given().auth().oauth2(token).get("/agreements").then().statusCode(403);
            given().auth().oauth2(token).get("/purchase-orders").then().statusCode(403);
            given().auth().oauth2(token).get("/supplier-choices").then().statusCode(403);
            given().auth().oauth2(token).get("/statistics").then().statusCode(403);
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(Map.of("name", "Intruder"))
                    .put("/suppliers/intruder")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void suppliersAreCreatedUpdatedAndListed() {
        operator().body(Map.of("name", "Nordic Parts", "contactEmail", "orders@nordic.example"))
                .put("/suppliers/nordic")
                .then()
                .statusCode(200)
                .body("active", equalTo(true));
        operator().body(Map.of("name", "Nordic Parts AB", "active", false))
                .put("/suppliers/nordic")
                .then()
                .statusCode(200)
                .body("name", equalTo("Nordic Parts AB"))
                .body("active", equalTo(false));
        operator().get("/suppliers").then().statusCode(200).body("id", hasItem("nordic"));
        operator().get("/suppliers/nobody").then().statusCode(404).contentType("application/problem+json");
        operator().body(Map.of("name", "", "contactEmail", "not-an-email"))
                .put("/suppliers/bad")
                .then()
                .statusCode(400)
                .body("violations.field", containsInAnyOrder("name", "contactEmail"));
    }

    @Test
    void agreementsAreCreatedReadUpdatedAndDeleted() {
        supplier("crud-sup");
        String id = agreement("crud-sup", "CRUD-1", "10.00", 14, Map.of("priceBreaks",
                List.of(Map.of("minQuantity", 500, "unitPrice", "8.50"), Map.of("minQuantity", 100, "unitPrice",
                        "9.00")),
                "minOrderQuantity", 50, "packSize", 12, "urgentLeadTimeDays", 3, "urgentSurchargePercent", "20",
                "dropship", true, "dropshipLeadTimeDays", 5, "dropshipFee", "7.50"));

        operator().get("/agreements/{id}", id)
                .then()
                .statusCode(200)
                .body("priceBreaks.minQuantity", contains(100, 500))
                .body("minOrderQuantity", equalTo(50))
                .body("packSize", equalTo(12))
                .body("urgentLeadTimeDays", equalTo(3))
                .body("dropship", equalTo(true));
        operator().get("/agreements?supplierId=crud-sup&sku=CRUD-1&validOn=" + LocalDate.now())
                .then()
                .body("id", contains(id));

        operator().body(terms("crud-sup", "CRUD-1", "11.00", 10, Map.of()))
                .put("/agreements/{id}", id)
                .then()
                .statusCode(200)
                .body("unitPrice", equalTo(11.0f))
                .body("priceBreaks", empty())
                .body("dropship", equalTo(false));
        operator().body(terms("crud-sup", "OTHER-SKU", "11.00", 10, Map.of()))
                .put("/agreements/{id}", id)
                .then()
                .statusCode(422);

        operator().delete("/agreements/{id}", id).then().statusCode(204);
        operator().get("/agreements/{id}", id).then().statusCode(404);
    }

    @Test
    void crossFieldRulesAreListedAndNothingIsStored() {
        supplier("rules-sup");
        operator().body(terms("rules-sup", "RULES-1", "10.00", 5, Map.of(
                "validTo", LocalDate.now().minusDays(10).toString(),
                "priceBreaks", List.of(Map.of("minQuantity", 10, "unitPrice", "12.00")),
                "urgentLeadTimeDays", 7,
                "urgentSurchargePercent", "10",
                "dropshipFee", "3.00")))
                .post("/agreements")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("validTo", "priceBreaks", "urgentLeadTimeDays",
                        "dropship"));
        operator().body(terms("rules-sup", "RULES-1", "-1", -2, Map.of("currency", "euro")))
                .post("/agreements")
                .then()
                .statusCode(400)
                .body("violations.field", containsInAnyOrder("unitPrice", "leadTimeDays", "currency"));
        operator().body(terms("nobody", "RULES-1", "1.00", 2, Map.of()))
                .post("/agreements")
                .then()
                .statusCode(422);
        operator().get("/agreements?sku=RULES-1").then().body("$", empty());
    }

    @Test
    void periodsOfOneSupplierAndSkuDoNotOverlap() {
        supplier("overlap-sup");
        LocalDate today = LocalDate.now();
        agreement("overlap-sup", "OVERLAP-1", "10.00", 5, Map.of("validTo", today.plusDays(30).toString()));

        operator().body(terms("overlap-sup", "OVERLAP-1", "9.00", 5, Map.of("validFrom",
                today.plusDays(30).toString())))
                .post("/agreements")
                .then()
                .statusCode(409)
                .body("detail", containsString("overlaps"));
        agreement("overlap-sup", "OVERLAP-1", "9.00", 5, Map.of("validFrom", today.plusDays(31).toString()));

        operator().get("/agreements?sku=OVERLAP-1").then().body("$", hasSize(2));
    }

    @Test
    void anAgreementOrderedUnderCannotBeDeleted() {
        supplier("used-sup");
        String id = agreement("used-sup", "USED-1", "3.00", 5, Map.of());
        SupplierFixtures.purchaseOrder("used-sup", "wh-1", Map.of("USED-1", 10));

        operator().delete("/agreements/{id}", id)
                .then()
                .statusCode(409)
                .body("detail", containsString("validTo"));
    }

    @Test
    void csvImportCreatesAndUpdatesEveryRow() {
        supplier("csv-a");
        supplier("csv-b");
        String today = LocalDate.now().toString();
        String existing = agreement("csv-a", "CSV-1", "10.00", 10, Map.of("validFrom", today));
        String csv = """
                supplier_id,sku,currency,unit_price,price_breaks,lead_time_days,min_order_quantity,pack_size,valid_from,urgent_lead_time_days,urgent_surcharge_percent,dropship,dropship_lead_time_days,dropship_fee
                csv-a,CSV-1,EUR,9.50,100:9.00;500:8.75,12,10,5,%1$s,,,no,,
                csv-b,CSV-1,USD,8.00,,20,1,1,%1$s,5,25,yes,6,4.90
                "csv-b","CSV-2",EUR,"1.50",,3,,,%1$s,,,,,
                """
                .formatted(today);

        given().auth()
                .oauth2(Tokens.operator())
                .contentType("text/csv")
                .body(csv)
                .post("/agreements/import")
                .then()
                .statusCode(200)
                .body("rows", equalTo(3))
                .body("created", equalTo(2))
                .body("updated", equalTo(1));

        operator().get("/agreements/{id}", existing)
                .then()
                .body("unitPrice", equalTo(9.5f))
                .body("priceBreaks.minQuantity", contains(100, 500))
                .body("leadTimeDays", equalTo(12));
        operator().get("/agreements?supplierId=csv-b")
                .then()
                .body("sku", containsInAnyOrder("CSV-1", "CSV-2"))
                .body("find { it.sku == 'CSV-1' }.dropship", equalTo(true))
                .body("find { it.sku == 'CSV-1' }.currency", equalTo("USD"));
    }

    @Test
    void aCsvWithBadRowsImportsNothingAndListsEveryBadRow() {
        supplier("csv-bad");
        String today = LocalDate.now().toString();
        String csv = """
                supplier_id,sku,currency,unit_price,lead_time_days,valid_from,valid_to,urgent_lead_time_days,urgent_surcharge_percent
                csv-bad,BAD-OK,EUR,5.00,7,%1$s,,,
                csv-bad,BAD-2,EUR,abc,7,%1$s,,,
                csv-bad,BAD-3,EUR,5.00,7,31.12.2025,,,
                nobody,BAD-4,EUR,5.00,7,%1$s,,,
                csv-bad,BAD-5,EUR,5.00,7,%1$s,,9,10
                csv-bad,BAD-OK,EUR,4.00,7,%1$s,,,
                """
                .formatted(today);

        given().auth()
                .oauth2(Tokens.operator())
                .contentType("text/csv")
                .body(csv)
                .post("/agreements/import")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("nothing was imported"))
                .body("violations.field", hasItem("line 3: unit_price"))
                .body("violations.field", hasItem("line 4: valid_from"))
                .body("violations.field", hasItem("line 6: urgent_lead_time_days"))
                .body("violations.field", not(hasItem(containsString("line 2:"))));

        operator().get("/agreements?supplierId=csv-bad").then().body("$", empty());

        String second = """
                supplier_id,sku,currency,unit_price,lead_time_days,valid_from
                nobody,BAD-4,EUR,5.00,7,%1$s
                csv-bad,BAD-OK,EUR,5.00,7,%1$s
                csv-bad,BAD-OK,EUR,4.00,7,%1$s
                """.formatted(today);
        given().auth()
                .oauth2(Tokens.operator())
                .contentType("text/csv")
                .body(second)
                .post("/agreements/import")
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("line 2: supplier_id"))
                .body("violations.field", hasItem("line 4: valid_from"));
        operator().get("/agreements?supplierId=csv-bad").then().body("$", empty());
    }

    @Test
    void aCsvThatIsNotAnAgreementListIsRejected() {
        given().auth()
                .oauth2(Tokens.operator())
                .contentType("text/csv")
                .body("supplier,price\nx,1\n")
                .post("/agreements/import")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("Unknown column"));
    }
}
