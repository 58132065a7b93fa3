package io.backorder.order;

import static io.backorder.order.Scenario.line;
import static io.backorder.order.Scenario.lineId;
import static io.backorder.order.Scenario.order;
import static io.backorder.order.Scenario.view;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.backorder.contracts.Addresses;
import io.backorder.contracts.Envelope;
import io.backorder.contracts.inventory.StockReserved;
import io.backorder.infra.EmbeddedBroker;
import io.backorder.order.service.SagaMetrics;
import io.backorder.support.messaging.MessageCodec;
import io.backorder.support.messaging.OutboxMetrics;
import io.backorder.testing.InjectBroker;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The technical gauges an operator alerts on: outbox lag, consumer lag, saga states and deadline lag. The outbox relay
 * is off here, so that what the service publishes stays in the outbox as it would while the broker is away.
 */
@QuarkusTest
@TestProfile(TechnicalMetricsTest.RelayAway.class)
class TechnicalMetricsTest {

    public static class RelayAway implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            // The tests refresh the gauges themselves.
            return Map.of("backorder.messaging.outbox.relay-enabled", "false", "backorder.messaging.metrics-refresh",
                    "1h");
        }
    }

    @InjectBroker
    EmbeddedBroker broker;

    @Inject
    MessageCodec codec;

    @Inject
    OutboxMetrics outboxMetrics;

    @Inject
    SagaMetrics sagaMetrics;

    @Inject
    Pool pool;

    Scenario scenario;

    @BeforeEach
    void scenario() {
        scenario = new Scenario(broker, codec);
    }

    @Test
    void outboxLagGrowsWhileMessagesWaitForTheBroker() throws Exception {
        scenario.place(order("SHIP_AVAILABLE", "pm_card_visa", List.of(line("TM-1", 1, "3.00"))));
        long unsent = count("select count(*) from outbox_message where sent_at is null");
        Thread.sleep(1100);

        outboxMetrics.refresh().await().indefinitely();

        assertThat(unsent).isPositive();
        assertThat(gauge("backorder_outbox_pending")).isEqualTo(unsent);
        assertThat(gauge("backorder_outbox_lag_seconds")).isGreaterThan(1.0);
        assertThat(gauge("backorder_outbox_failing")).isZero();
    }

    @Test
    void outboxMessagesTheBrokerRefusedCountAsFailing() {
        scenario.place(order("SHIP_AVAILABLE", "pm_card_visa", List.of(line("TM-6", 1, "3.00"))));
        long refused = count("select min(sequence) from outbox_batch where sent_at is null");
        // the order's batch: OrderPlaced for insights and ReserveStock for inventory
        long deliveries = count("select deliveries from outbox_batch where sequence = " + refused);
        // What the relay records when the broker does not accept a batch: an attempt and its reason, still unsent.
        outboxAttempt(refused, 1, "refused by the broker");
        try {
            outboxMetrics.refresh().await().indefinitely();

            assertThat(deliveries).isEqualTo(2);
            assertThat(gauge("backorder_outbox_failing")).isEqualTo(deliveries);
        } finally {
            outboxAttempt(refused, 0, null);
        }
        outboxMetrics.refresh().await().indefinitely();
        assertThat(gauge("backorder_outbox_failing")).isZero();
    }

    private void outboxAttempt(long sequence, int attempts, String error) {
        pool.preparedQuery("update outbox_batch set attempts = $2, last_error = $3 where sequence = $1")
                .execute(Tuple.of(sequence, attempts, error))
                .await()
                .indefinitely();
    }

    @Test
    void anUnreadableMessageCountsAsFailedAndEndsInTheDeadLetterQueue() {
        double failed = gauge("backorder_inbox_messages_total{outcome=\"failed\",type=\"unreadable\"}");
        long deadBefore = broker.messageCount(Addresses.DEAD_LETTERS);

        broker.sendAmqp(Addresses.ORDER_INBOX, "this is not an envelope", UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(60))
                .until(() -> broker.messageCount(Addresses.DEAD_LETTERS) == deadBefore + 1);
        // every delivery attempt failed, and each was counted under the one bounded type "unreadable"
        assertThat(gauge("backorder_inbox_messages_total{outcome=\"failed\",type=\"unreadable\"}"))
                .isGreaterThanOrEqualTo(failed + 1);
    }

    @Test
    void sagaStatesCountTheOrdersInFlight() {
        UUID first = scenario.place(order("SHIP_AVAILABLE", "pm_card_visa", List.of(line("TM-2", 1, "3.00"))));
        scenario.place(order("SHIP_AVAILABLE", "pm_card_visa", List.of(line("TM-3", 1, "3.00"))));
        scenario.reply(new StockReserved(first, lineId(view(first), 0), "TM-2", 1, "wh"));
        await().until(() -> "OPEN".equals(view(first).getString("status")));

        sagaMetrics.refresh().await().indefinitely();

        double reserving = gauge("backorder_saga_orders{status=\"RESERVING\"}");
        double open = gauge("backorder_saga_orders{status=\"OPEN\"}");
        assertThat(reserving).isEqualTo(count("select count(*) from orders where status = 'RESERVING'"))
                .isGreaterThanOrEqualTo(1);
        assertThat(open).isEqualTo(count("select count(*) from orders where status = 'OPEN'"))
                .isGreaterThanOrEqualTo(1);
        assertThat(gauge("backorder_saga_orders{status=\"CANCELLING\"}")).isEqualTo(
                count("select count(*) from orders where status = 'CANCELLING'"));
    }

    @Test
    void deadlineLagShowsADeadlineThatNoReplicaFires() {
        UUID orderId = scenario.place(order("SHIP_AVAILABLE", "pm_card_visa", List.of(line("TM-4", 1, "3.00"))));
        // Claimed by a replica that crashed: its lease keeps the others off it for an hour.
        UUID deadline = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        pool.preparedQuery("""
                insert into saga_deadline (id, order_id, kind, reference_id, due_at, status, lease_until, created_at)
                values ($1, $2, 'OFFER_EXPIRY', $3, $4, 'PENDING', $5, $6)""")
                .execute(Tuple.of(deadline, orderId, UUID.randomUUID(), now.minusMinutes(10), now.plusHours(1), now))
                .await()
                .indefinitely();
        try {
            sagaMetrics.refresh().await().indefinitely();

            assertThat(gauge("backorder_saga_deadlines_overdue")).isGreaterThanOrEqualTo(1);
            assertThat(gauge("backorder_saga_deadline_lag_seconds")).isGreaterThanOrEqualTo(600);
        } finally {
            pool.preparedQuery("delete from saga_deadline where id = $1")
                    .execute(Tuple.of(deadline))
                    .await()
                    .indefinitely();
        }
        sagaMetrics.refresh().await().indefinitely();
        assertThat(gauge("backorder_saga_deadline_lag_seconds")).isLessThan(600);
    }

    @Test
    void theInboxCountsDuplicatesApartAndMeasuresHowLongMessagesWaited() {
        UUID orderId = scenario.place(order("SHIP_AVAILABLE", "pm_card_visa", List.of(line("TM-5", 1, "3.00"))));
        double processed = gauge("backorder_inbox_messages_total{outcome=\"processed\",type=\"StockReserved\"}");
        double duplicates = gauge("backorder_inbox_messages_total{outcome=\"duplicate\",type=\"StockReserved\"}");
        double lagged = gauge("backorder_inbox_lag_seconds_count{type=\"StockReserved\"}");

        Envelope reply = scenario.reply(new StockReserved(orderId, lineId(view(orderId), 0), "TM-5", 1, "wh"));
        scenario.send(reply);

        await().untilAsserted(() -> {
            assertThat(gauge("backorder_inbox_messages_total{outcome=\"processed\",type=\"StockReserved\"}"))
                    .isEqualTo(processed + 1);
            assertThat(gauge("backorder_inbox_messages_total{outcome=\"duplicate\",type=\"StockReserved\"}"))
                    .isEqualTo(duplicates + 1);
        });
        assertThat(gauge("backorder_inbox_lag_seconds_count{type=\"StockReserved\"}")).isEqualTo(lagged + 1);
    }

    /** The value of one series in the Prometheus scrape; 0 when it has not been written yet. */
    private static double gauge(String series) {
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher value = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }

    private long count(String sql) {
        return pool.query(sql).execute().map(rows -> rows.iterator().next().getLong(0)).await().indefinitely();
    }
}
