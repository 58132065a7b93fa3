package io.backorder.inventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.backorder.contracts.CustomerTier;
import io.backorder.contracts.inventory.ReserveStock;
import io.backorder.contracts.inventory.StockReservationResult;
import io.backorder.contracts.inventory.StockReserved;
import io.backorder.inventory.service.ReservationService;
import io.backorder.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A reservation's writes go out together once its stock is decided; when one of them fails, none of them stays, and
 * the command tried again reserves once.
 */
@QuarkusTest
class ReservationWriteFailureTest {

    private static final String LOCATION = "write-fail-wh";
    private static final String SKU = "WRITE-FAIL-1";

    @Inject
    ReservationService reservations;

    @Inject
    Pool pool;

    @Test
    void aFailingWriteLeavesNothingAndTheRetryReservesOnce() throws Throwable {
        InventoryFixtures.location(LOCATION);
        InventoryFixtures.sku(SKU, "ALLOW", Map.of());
        InventoryFixtures.stock(SKU, LOCATION, 5);
        ReserveStock command = new ReserveStock(UUID.randomUUID(), "fail-customer", CustomerTier.STANDARD,
                BigDecimal.TEN, Instant.now(), false, null,
                List.of(new ReserveStock.Line(UUID.randomUUID(), SKU, 2)));
        // The reservation row is flushed after the demand, planning and outbox statements were sent.
        sql("""
                create function refuse_test_reservation() returns trigger language plpgsql as $$
                begin
                    raise exception 'reservation refused by the test';
                end $$""");
        sql("create trigger refuse_test_reservation before insert on line_reservation for each row "
                + "when (new.location_id = '" + LOCATION + "') execute function refuse_test_reservation()");
        try {
            assertThatThrownBy(() -> reserve(command)).hasMessageContaining("reservation refused by the test");
        } finally {
            sql("drop trigger refuse_test_reservation on line_reservation");
            sql("drop function refuse_test_reservation()");
        }

        UUID orderId = command.orderId();
        assertThat(count("select count(*) from order_line where order_id = $1", orderId)).isZero();
        assertThat(count("select count(*) from outbox_batch where $1 = any(correlation_ids)", orderId.toString()))
                .isZero();
        assertThat(count("select count(*) from demand_day where sku = $1", SKU)).isZero();
        given().auth().oauth2(Tokens.operator()).get("/stock/" + SKU).then().body("reserved", equalTo(0));

        assertThat(reserve(command)).singleElement().isInstanceOf(StockReserved.class);

        given().auth().oauth2(Tokens.operator()).get("/stock/" + SKU).then().body("reserved", equalTo(2));
        assertThat(count("select count(*) from outbox_batch where $1 = any(correlation_ids)", orderId.toString()))
                .isEqualTo(1);
        assertThat(count("select coalesce(sum(ordered_units), 0) from demand_day where sku = $1", SKU)).isEqualTo(2);
    }

    private List<StockReservationResult> reserve(ReserveStock command) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> reservations.reserve(command, null));
    }

    private void sql(String statement) {
        pool.query(statement).execute().await().indefinitely();
    }

    private long count(String query, Object parameter) {
        return pool.preparedQuery(query)
                .execute(Tuple.of(parameter))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong(0);
    }
}
