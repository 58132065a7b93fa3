package io.backorder.inventory;

import static io.backorder.inventory.Orders.TODAY;
import static io.backorder.inventory.Orders.order;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.backorder.contracts.inventory.ReleaseStock;
import io.backorder.inventory.service.ReservationService;
import io.backorder.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Backorders, out-of-stock and the fulfilment backlog stay apart in the API; demand history is recorded with the
 * reservations and releases that make it.
 */
@QuarkusTest
class DemandAndViewsTest {

    private static final String WH = "views-wh";

    @Inject
    ReservationService reservations;

    @Test
    void demandHistoryCountsOrderedBackorderedRefusedAndCancelledUnitsByCause() {
        InventoryFixtures.location(WH);
        InventoryFixtures.sku("DEM-A", "ALLOW", Map.of());
        InventoryFixtures.sku("DEM-DENY", "DENY", Map.of());
        InventoryFixtures.stock("DEM-A", WH, 1);
        Orders delayed = reserve(order().line("DEM-A", 3).line("DEM-DENY", 2));
        Orders otherwise = reserve(order().line("DEM-A", 1));

        Orders.await(() -> reservations.release(new ReleaseStock(delayed.orderId(), List.of(delayed.lineId(0)),
                ReleaseStock.REASON_CUSTOMER_DECLINED_DELAY), null));
        Orders.await(() -> reservations.release(new ReleaseStock(otherwise.orderId(), List.of(otherwise.lineId(0)),
                "ordered by mistake"), null));

        given().auth()
                .oauth2(Tokens.operator())
                .get("/skus/DEM-A/demand")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].day", equalTo(TODAY.toString()))
                .body("[0].orderedUnits", equalTo(4))
                .body("[0].backorderedUnits", equalTo(3))
                .body("[0].rejectedUnits", equalTo(0))
                .body("[0].cancelledDelayUnits", equalTo(3))
                .body("[0].cancelledOtherUnits", equalTo(1));
        given().auth()
                .oauth2(Tokens.operator())
                .get("/skus/DEM-DENY/demand")
                .then()
                .body("[0].orderedUnits", equalTo(2))
                .body("[0].rejectedUnits", equalTo(2));
        given().auth()
                .oauth2(Tokens.operator())
                .get("/stock/DEM-DENY")
                .then()
                .body("availability", equalTo("OUT_OF_STOCK"))
                .body("rejectedUnitsLast30Days", equalTo(2));
    }

    @Test
    void stockKeepsTheFulfilmentBacklogApartFromBackorders() {
        InventoryFixtures.location(WH);
        InventoryFixtures.sku("VIEW-1", "ALLOW", Map.of());
        InventoryFixtures.stock("VIEW-1", WH, 3);
        Orders inStock = reserve(order().line("VIEW-1", 2));
        Orders split = reserve(order().line("VIEW-1", 4));

        given().auth()
                .oauth2(Tokens.platform())
                .get("/stock/VIEW-1")
                .then()
                .body("onHand", equalTo(3))
                .body("reserved", equalTo(3))
                .body("available", equalTo(0))
                .body("backordered", equalTo(3))
                .body("backorderedLines", equalTo(1))
                .body("backlogLines", equalTo(2))
                .body("availability", equalTo("BACKORDERABLE"));
        given().auth()
                .oauth2(Tokens.operator())
                .get("/backlog?sku=VIEW-1")
                .then()
                .body("totalLines", equalTo(2))
                .body("totalUnits", equalTo(3))
                .body("lines[0].lineId", equalTo(inStock.lineId(0).toString()))
                .body("lines[0].status", equalTo("RESERVED"))
                .body("lines[0].reservations['" + WH + "']", equalTo(2))
                .body("lines[1].lineId", equalTo(split.lineId(0).toString()))
                .body("lines[1].status", equalTo("BACKORDERED"))
                .body("lines[1].reserved", equalTo(1))
                .body("lines[1].backordered", equalTo(3));
        given().auth()
                .oauth2(Tokens.operator())
                .get("/backlog?locationId=" + WH)
                .then()
                .body("lines.lineId", hasItem(inStock.lineId(0).toString()));
        given().auth()
                .oauth2(Tokens.operator())
                .get("/skus/VIEW-1/backorders")
                .then()
                .body("waitingUnits", equalTo(3))
                .body("lines[0].lineId", equalTo(split.lineId(0).toString()))
                .body("lines[0].confidence", equalTo("LOW"))
                .body("lines[0].priority.explanation", equalTo("tier STANDARD +0; order value 10.00 +5.21; "
                        + "waiting 0 days +0; first promise not passed +0; score 5.21"));
        given().auth().oauth2(Tokens.platform()).get("/backlog").then().statusCode(403);
        given().auth().oauth2(Tokens.platform()).get("/skus/VIEW-1/backorders").then().statusCode(403);
    }

    private Orders reserve(Orders order) {
        Orders.await(() -> reservations.reserve(order.command(), null));
        return order;
    }
}
