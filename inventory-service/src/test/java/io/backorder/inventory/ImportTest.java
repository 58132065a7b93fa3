package io.backorder.inventory;

import static io.backorder.inventory.Orders.order;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.backorder.inventory.service.ReservationService;
import io.backorder.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** CSV uploads are all or nothing: every bad row is listed and a refused file changes nothing. */
@QuarkusTest
class ImportTest {

    @Inject
    ReservationService reservations;

    @Test
    void importsSkus() {
        upload("/imports/skus", """
                sku,name,backorderPolicy,backorderCap,capToInbound,launchDate,leadTimeDays,substitutionGroup,unitPrice
                IMP-1,"Lamp, brass",ALLOW,,,,10,lamps,49.90
                IMP-2,Lamp shade,allow_capped,5,false,,,lamps,12
                IMP-3,Next year's lamp,PREORDER,,,2031-01-01,,,
                """).statusCode(200).body("imported", equalTo(3));

        given().auth()
                .oauth2(Tokens.operator())
                .get("/skus/IMP-1")
                .then()
                .body("name", equalTo("Lamp, brass"))
                .body("leadTimeDays", equalTo(10))
                .body("unitPrice", equalTo(49.9f));
        given().auth().oauth2(Tokens.operator()).get("/skus/IMP-2").then().body("backorderCap", equalTo(5));
        given().auth().oauth2(Tokens.operator()).get("/skus/IMP-3").then().body("launchDate", equalTo("2031-01-01"));
    }

    @Test
    void aFileWithBadRowsIsRefusedWholeWithEveryBadRowListed() {
        upload("/imports/skus", """
                sku,name,backorderPolicy,leadTimeDays,unitPrice,launchDate
                IMP-GOOD,Fine,ALLOW,3,1.00,
                IMP-BAD-1,,SOMETIMES,-2,cheap,
                IMP-GOOD,Twice,ALLOW,,,
                IMP-BAD-2,Preorder without launch,PREORDER,,,31.12.2030
                """)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("nothing was changed"))
                .body("violations.field", hasItems("line 3: name", "line 3: backorderPolicy",
                        "line 3: leadTimeDays", "line 3: unitPrice", "line 4: sku", "line 5: launchDate"))
                .body("violations.find { it.field == 'line 3: backorderPolicy' }.message",
                        containsString("SOMETIMES"));

        given().auth().oauth2(Tokens.operator()).get("/skus/IMP-GOOD").then().statusCode(404);
    }

    @Test
    void aFileWithWrongColumnsIsRefused() {
        upload("/imports/skus", "sku,title\nX-1,Thing\n")
                .statusCode(422)
                .body("violations.field", hasItems("line 1: title", "line 1: name", "line 1: backorderPolicy"));
        upload("/imports/skus", "").statusCode(422);
        upload("/imports/stock", "sku,locationId,onHand\n\"X,1\n").statusCode(422)
                .body("detail",
                        containsString("not valid CSV"));
    }

    @Test
    void importsStockCountsJournalsTheDifferenceAndServesWaitingLines() {
        InventoryFixtures.location("imp-wh");
        InventoryFixtures.sku("IMP-STOCK", "ALLOW", Map.of());
        InventoryFixtures.stock("IMP-STOCK", "imp-wh", 4);
        Orders waiting = order().line("IMP-STOCK", 6);
        Orders.await(() -> reservations.reserve(waiting.command(), null));

        upload("/imports/stock", """
                sku,locationId,onHand,safetyStock
                IMP-STOCK,imp-wh,9,2
                """).statusCode(200).body("imported", equalTo(1)).body("allocations", equalTo(1));

        given().auth()
                .oauth2(Tokens.operator())
                .get("/stock/IMP-STOCK")
                .then()
                .body("onHand", equalTo(9))
                .body("reserved", equalTo(6))
                .body("backordered", equalTo(0))
                .body("locations[0].safetyStock", equalTo(2));
        given().auth()
                .oauth2(Tokens.operator())
                .get("/stock/IMP-STOCK/journal")
                .then()
                .body("reason", contains("IMPORT", "INITIAL_COUNT"))
                .body("[0].delta", equalTo(5));
    }

    @Test
    void aStockCountBelowWhatIsReservedOrForUnknownThingsRefusesTheWholeFile() {
        InventoryFixtures.location("imp-wh2");
        InventoryFixtures.sku("IMP-RES", "ALLOW", Map.of());
        InventoryFixtures.sku("IMP-OK", "ALLOW", Map.of());
        InventoryFixtures.stock("IMP-RES", "imp-wh2", 3);
        Orders.await(() -> reservations.reserve(order().line("IMP-RES", 3).command(), null));

        upload("/imports/stock", """
                sku,locationId,onHand
                IMP-OK,imp-wh2,50
                IMP-RES,imp-wh2,1
                IMP-NOPE,imp-wh2,1
                IMP-OK,nowhere,1
                IMP-OK,imp-wh2,-1
                """)
                .statusCode(422)
                .body("violations.field", contains("line 6: onHand", "line 6: sku"));

        upload("/imports/stock", """
                sku,locationId,onHand
                IMP-OK,imp-wh2,50
                IMP-RES,imp-wh2,1
                IMP-NOPE,imp-wh2,1
                IMP-OK,nowhere,1
                """)
                .statusCode(422)
                .body("violations.field", contains("line 3: onHand", "line 4: sku", "line 5: locationId"));

        given().auth().oauth2(Tokens.operator()).get("/stock/IMP-OK").then().body("onHand", equalTo(0));
        given().auth().oauth2(Tokens.operator()).get("/stock/IMP-RES").then().body("onHand", equalTo(3));
    }

    @Test
    void onlyOperatorsImport() {
        given().auth()
                .oauth2(Tokens.platform())
                .contentType("text/csv")
                .body("sku,name,backorderPolicy\nX,Y,ALLOW\n")
                .post("/imports/skus")
                .then()
                .statusCode(403);
    }

    private static ValidatableResponse upload(String path, String csv) {
        return given().auth().oauth2(Tokens.operator()).contentType("text/csv").body(csv).post(path).then();
    }
}
