package io.backorder.order;

import static io.backorder.order.BackorderPathTest.backordered;
import static io.backorder.order.Scenario.awaitPaymentsSettled;
import static io.backorder.order.Scenario.awaitView;
import static io.backorder.order.Scenario.line;
import static io.backorder.order.Scenario.order;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.backorder.contracts.Addresses;
import io.backorder.contracts.Envelope;
import io.backorder.contracts.inventory.FindSubstitutes;
import io.backorder.contracts.inventory.PromiseConfidence;
import io.backorder.contracts.inventory.PromiseDateChanged;
import io.backorder.contracts.inventory.ReserveStock;
import io.backorder.contracts.inventory.StockAllocated;
import io.backorder.contracts.inventory.StockReserved;
import io.backorder.contracts.notification.CustomerMessageKind;
import io.backorder.contracts.notification.SendCustomerMessage;
import io.backorder.infra.EmbeddedBroker;
import io.backorder.order.repository.PaymentOperationRepository;
import io.backorder.order.service.DeadlineScheduler;
import io.backorder.order.service.PaymentWorker;
import io.backorder.support.messaging.MessageCodec;
import io.backorder.testing.InjectBroker;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Several replicas at once (played by concurrent calls next to the service's own background runs), and replies
 * delivered twice: every deadline fires once, every provider call moves money once, nothing changes twice.
 */
@QuarkusTest
class ReplicasAndDuplicatesTest {

    private static final ExecutorService REPLICAS = Executors.newFixedThreadPool(4);

    @InjectBroker
    EmbeddedBroker broker;

    @Inject
    MessageCodec codec;

    @Inject
    TestClock clock;

    @Inject
    DeadlineScheduler deadlines;

    @Inject
    PaymentWorker payments;

    @Inject
    PaymentOperationRepository operations;

    @Inject
    Pool pool;

    Scenario scenario;

    @BeforeEach
    void scenario() {
        scenario = new Scenario(broker, codec);
    }

    @AfterAll
    static void stopReplicas() {
        REPLICAS.shutdownNow();
    }

    @Test
    void dueDeadlinesFireOnceWhenReplicasRaceForThem() throws Exception {
        List<UUID> orders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            orders.add(orderWithOpenOffer("REP-" + i));
        }

        clock.advance(Duration.ofDays(2).plusHours(2));
        race(deadlines::fireDue);

        for (UUID orderId : orders) {
            awaitView(orderId, v -> v.getList("timeline.type").contains("offer.reminded"));
            assertThat(Scenario.view(orderId).getList("timeline.type")).filteredOn("offer.reminded"::equals)
                    .hasSize(1);
            assertThat(scenario.sent(Addresses.NOTIFICATION_INBOX, SendCustomerMessage.class, orderId))
                    .filteredOn(m -> m.kind() == CustomerMessageKind.OFFER_REMINDER)
                    .hasSize(1);
        }
    }

    @Test
    void providerCallsMoveMoneyOnceWhenReplicasRaceForThem() throws Throwable {
        List<UUID> orders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            UUID orderId = scenario.place(order("SHIP_AVAILABLE", "pm_card_visa", List.of(line("PAR-" + i, 1,
                    "10.00"))));
            ReserveStock reserve = scenario.awaitCommand(ReserveStock.class, orderId);
            scenario.reply(new StockReserved(orderId, reserve.lines().get(0).lineId(), "PAR-" + i, 1, "wh"));
            orders.add(orderId);
        }

        race(payments::runDue);

        for (UUID orderId : orders) {
            JsonPath settled = awaitView(orderId, v -> "ACTIVE".equals(v.getString("payment.holds[0].status")));
            assertThat(settled.getList("payment.holds")).hasSize(1);
            long intents = pool.preparedQuery("""
                    select count(*) from sandbox_request r join payment_operation o on o.id::text = r.idempotency_key
                    where o.order_id = $1 and r.operation = 'AUTHORIZE'""")
                    .execute(Tuple.of(orderId))
                    .await()
                    .indefinitely()
                    .iterator()
                    .next()
                    .getLong(0);
            assertThat(intents).isEqualTo(1);
        }
        // an answer arriving for an operation already answered (a slower replica's) is refused and changes nothing
        UUID answered = pool.preparedQuery("select id from payment_operation where order_id = $1 and status = 'DONE'")
                .execute(Tuple.of(orders.get(0)))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getUUID(0);
        boolean appliedAgain = VertxContextSupport.subscribeAndAwait(() -> Panache
                .withTransaction(() -> operations.complete(answered, "late answer", clock.instant())));
        assertThat(appliedAgain).isFalse();
        assertThat(pool.preparedQuery("select outcome from payment_operation where id = $1")
                .execute(Tuple.of(answered))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getString(0)).isNotEqualTo("late answer");
    }

    @Test
    void repliesDeliveredTwiceOrRetriedChangeNothing() {
        UUID orderId = scenario.place(order("SHIP_AVAILABLE", "pm_card_visa", List.of(line("DUP-1", 2, "10.00"))));
        ReserveStock reserve = scenario.awaitCommand(ReserveStock.class, orderId);
        UUID lineId = reserve.lines().get(0).lineId();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Envelope backordered = scenario.reply(backordered(orderId, lineId, "DUP-1", 0, 2, today.plusDays(20)));
        scenario.send(backordered);
        scenario.reply(codec.payload(backordered, io.backorder.contracts.inventory.LineBackordered.class));
        JsonPath waiting = awaitPaymentsSettled(orderId);
        Envelope allocated = scenario.reply(new StockAllocated(orderId, lineId, "DUP-1", 2, 0, "wh", 1, "first"));
        scenario.send(allocated);
        scenario.reply(new StockAllocated(orderId, lineId, "DUP-1", 2, 0, "wh", 1, "first, retried"));

        JsonPath view = awaitView(orderId, v -> "ACTIVE".equals(v.getString("payment.holds[0].status")));
        awaitPaymentsSettled(orderId);
        JsonPath settled = Scenario.view(orderId);
        assertThat(waiting.getString("lines[0].state")).isEqualTo("BACKORDERED");
        assertThat(view.getString("lines[0].state")).isEqualTo("ALLOCATED");
        assertThat(settled.getList("payment.holds")).hasSize(1);
        assertThat(settled.getInt("lines[0].reserved")).isEqualTo(2);
        assertThat(settled.getList("timeline.type")).filteredOn("line.backordered"::equals).hasSize(1);
        assertThat(settled.getList("timeline.type")).filteredOn("line.allocated"::equals).hasSize(1);
        assertThat(scenario.sent(Addresses.NOTIFICATION_INBOX, SendCustomerMessage.class, orderId))
                .filteredOn(m -> m.kind() == CustomerMessageKind.BACKORDER_CONFIRMATION)
                .hasSize(1);
    }

    private UUID orderWithOpenOffer(String sku) {
        UUID orderId = scenario.place(order("SHIP_AVAILABLE", "pm_card_visa", List.of(line(sku, 1, "20.00"))));
        ReserveStock reserve = scenario.awaitCommand(ReserveStock.class, orderId);
        UUID lineId = reserve.lines().get(0).lineId();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        scenario.reply(backordered(orderId, lineId, sku, 0, 1, today.plusDays(20)));
        scenario.reply(new PromiseDateChanged(orderId, lineId, sku, today.plusDays(20), today.plusDays(45),
                PromiseConfidence.LOW, "late container"));
        scenario.awaitCommand(FindSubstitutes.class, orderId);
        scenario.reply(new io.backorder.contracts.inventory.SubstitutesFound(orderId, lineId, sku, List.of()));
        awaitView(orderId, v -> v.get("openOffer") != null);
        return orderId;
    }

    /** Runs the same work on four threads at once, as four replicas would. */
    private static void race(Supplier<Uni<Integer>> work) throws Exception {
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(REPLICAS.submit(() -> {
                try {
                    return VertxContextSupport.subscribeAndAwait(work);
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Future<Integer> run : runs) {
            run.get();
        }
    }
}
