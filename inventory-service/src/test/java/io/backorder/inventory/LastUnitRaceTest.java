package io.backorder.inventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.backorder.contracts.CustomerTier;
import io.backorder.contracts.inventory.LineBackordered;
import io.backorder.contracts.inventory.LineRejected;
import io.backorder.contracts.inventory.ReserveStock;
import io.backorder.contracts.inventory.StockReservationResult;
import io.backorder.contracts.inventory.StockReserved;
import io.backorder.inventory.service.ReservationService;
import io.backorder.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/** Concurrent reservations of the last units against the real database: every unit goes to exactly one line. */
@QuarkusTest
class LastUnitRaceTest {

    private static final int ROUNDS = 25;
    private static final int CONTENDERS = 8;

    private static final ExecutorService POOL = Executors.newFixedThreadPool(CONTENDERS);

    @Inject
    ReservationService reservations;

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    @Test
    void exactlyOneOfManyConcurrentOrdersGetsTheLastUnit() throws Exception {
        InventoryFixtures.location("race-wh");
        for (int round = 0; round < ROUNDS; round++) {
            String sku = "RACE-" + round;
            InventoryFixtures.sku(sku, "DENY", Map.of());
            InventoryFixtures.stock(sku, "race-wh", 1);

            List<Future<List<StockReservationResult>>> attempts = new ArrayList<>();
            for (int i = 0; i < CONTENDERS; i++) {
                ReserveStock command = order(List.of(new ReserveStock.Line(UUID.randomUUID(), sku, 1)));
                attempts.add(POOL.submit(reserve(command)));
            }
            List<StockReservationResult> outcomes = new ArrayList<>();
            for (Future<List<StockReservationResult>> attempt : attempts) {
                outcomes.addAll(attempt.get());
            }

            assertThat(outcomes).filteredOn(StockReserved.class::isInstance).as("round %d", round).hasSize(1);
            assertThat(outcomes).filteredOn(LineRejected.class::isInstance).hasSize(CONTENDERS - 1);
            given().auth()
                    .oauth2(Tokens.operator())
                    .get("/stock/{sku}", sku)
                    .then()
                    .body("reserved", equalTo(1))
                    .body("available", equalTo(0));
        }
    }

    @Test
    void severalLinesOfOneOrderForTheSameSkuShareTheUnits() throws Exception {
        InventoryFixtures.location("multi-wh");
        InventoryFixtures.sku("MULTI-1", "ALLOW", Map.of());
        InventoryFixtures.stock("MULTI-1", "multi-wh", 3);
        ReserveStock command = order(List.of(new ReserveStock.Line(UUID.randomUUID(), "MULTI-1", 2),
                new ReserveStock.Line(UUID.randomUUID(), "MULTI-1", 2)));

        List<StockReservationResult> outcomes = reserve(command).call();

        assertThat(outcomes.get(0)).isInstanceOf(StockReserved.class);
        assertThat(outcomes.get(1)).isInstanceOfSatisfying(LineBackordered.class, line -> {
            assertThat(line.reservedQuantity()).isEqualTo(1);
            assertThat(line.backorderedQuantity()).isEqualTo(1);
        });
        given().auth()
                .oauth2(Tokens.operator())
                .get("/stock/MULTI-1")
                .then()
                .body("reserved", equalTo(3))
                .body("backordered", equalTo(1));
    }

    @Test
    void concurrentOrdersOverlappingOnSkusInDifferentOrderDoNotDeadlock() throws Exception {
        InventoryFixtures.location("lock-wh");
        InventoryFixtures.sku("LOCK-A", "ALLOW", Map.of());
        InventoryFixtures.sku("LOCK-B", "ALLOW", Map.of());
        InventoryFixtures.stock("LOCK-A", "lock-wh", 20);
        InventoryFixtures.stock("LOCK-B", "lock-wh", 20);
        List<Future<List<StockReservationResult>>> attempts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            List<ReserveStock.Line> lines = i % 2 == 0
                    ? List.of(line("LOCK-A"), line("LOCK-B"))
                    : List.of(line("LOCK-B"), line("LOCK-A"));
            attempts.add(POOL.submit(reserve(order(lines))));
        }
        for (Future<List<StockReservationResult>> attempt : attempts) {
            attempt.get();
        }
        given().auth()
                .oauth2(Tokens.operator())
                .get("/stock/LOCK-A")
                .then()
                .body("reserved", equalTo(20))
                .body("backordered", equalTo(10));
        given().auth()
                .oauth2(Tokens.operator())
                .get("/stock/LOCK-B")
                .then()
                .body("reserved", equalTo(20))
                .body("backordered", equalTo(10));
    }

    private static ReserveStock.Line line(String sku) {
        return new ReserveStock.Line(UUID.randomUUID(), sku, 1);
    }

    private static ReserveStock order(List<ReserveStock.Line> lines) {
        return new ReserveStock(UUID.randomUUID(), "race-customer", CustomerTier.STANDARD, BigDecimal.TEN,
                Instant.now(), false, null, lines);
    }

    private Callable<List<StockReservationResult>> reserve(ReserveStock command) {
        return () -> {
            try {
                return VertxContextSupport.subscribeAndAwait(() -> reservations.reserve(command, null));
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
