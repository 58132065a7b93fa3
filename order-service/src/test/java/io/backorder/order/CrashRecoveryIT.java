package io.backorder.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.backorder.contracts.Addresses;
import io.backorder.contracts.Envelope;
import io.backorder.contracts.Message;
import io.backorder.contracts.MessageCatalog;
import io.backorder.contracts.inventory.BackorderKind;
import io.backorder.contracts.inventory.FindSubstitutes;
import io.backorder.contracts.inventory.LineBackordered;
import io.backorder.contracts.inventory.PromiseConfidence;
import io.backorder.contracts.inventory.PromiseDateChanged;
import io.backorder.contracts.inventory.ReserveStock;
import io.backorder.contracts.inventory.StockReserved;
import io.backorder.contracts.inventory.SubstitutesFound;
import io.backorder.infra.DevKeys;
import io.backorder.infra.EmbeddedBroker;
import io.backorder.infra.PostgresCluster;
import io.backorder.infra.ServiceProcess;
import io.backorder.support.messaging.MessageCodec;
import io.backorder.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The built service as a separate process, killed with SIGKILL in the middle of sagas and started again on the same
 * database and broker: all saga state is in the database, so it resumes; calls and messages repeated after the
 * crash change nothing twice.
 */
class CrashRecoveryIT {

    // generous: a service starting on a busy two-core machine has been seen to need a full minute
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final String DATABASE = "orders_crash";

    private static PostgresCluster postgres;
    private static EmbeddedBroker broker;
    private static ServiceProcess service;
    private static MessageCodec codec;

    @BeforeAll
    static void start() {
        Path target = Path.of("target").toAbsolutePath();
        postgres = PostgresCluster.fromEnvOrStart(target.resolve("pg-it-" + UUID.randomUUID()), true);
        postgres.createDatabase(DATABASE);
        broker = EmbeddedBroker.start(target.resolve("artemis-it-" + UUID.randomUUID()), false);
        DevKeys keys = Tokens.keys();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.username", postgres.superuser());
        if (postgres.password() != null) {
            config.put("quarkus.datasource.password", postgres.password());
        }
        config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(DATABASE));
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(DATABASE));
        config.put("amqp-host", broker.host());
        config.put("amqp-port", String.valueOf(broker.amqpPort()));
        config.put("mp.jwt.verify.publickey.location", keys.publicKeyFile(target.resolve("test-keys")).toString());
        config.put("quarkus.log.console.json.enabled", "false");
        config.put("order.payment.worker.every", "0.2s");
        config.put("order.deadlines.every", "0.2s");
        config.put("order.offers.ttl", "8s");
        config.put("order.offers.reminder-before", "4s");
        service = ServiceProcess.start("order-service", target.resolve("quarkus-app/quarkus-run.jar"), config,
                target.resolve("crash-recovery-it.log"));
        service.awaitReadyOrFail(PATIENCE);
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        codec = new MessageCodec(json, "crash-test");
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.stop();
        }
        if (broker != null) {
            broker.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aSagaKilledMidwayResumesAndMovesMoneyOnce() throws Exception {
        UUID orderId = place(List.of(line("CR-1", 2, "30.00"), line("CR-2", 1, "15.00")));
        ReserveStock reserve = awaitSent(ReserveStock.class, orderId);
        List<Envelope> replies = new ArrayList<>();
        for (ReserveStock.Line line : reserve.lines()) {
            replies.add(send(new StockReserved(orderId, line.lineId(), line.sku(), line.quantity(), "wh")));
        }
        service.kill();
        service.restart();
        service.awaitReadyOrFail(PATIENCE);

        JsonPath authorized = awaitView(orderId, v -> "ACTIVE".equals(v.getString("payment.holds[0].status")));
        replies.forEach(CrashRecoveryIT::resend);
        ship(orderId, Map.of(reserve.lines().get(0).lineId(), 2, reserve.lines().get(1).lineId(), 1));
        service.kill();
        service.restart();
        service.awaitReadyOrFail(PATIENCE);

        JsonPath done = awaitView(orderId, v -> "COMPLETED".equals(v.getString("status")));
        assertThat(authorized.getList("payment.holds")).hasSize(1);
        assertThat(done.getList("payment.holds")).hasSize(1);
        assertThat(new BigDecimal(done.getString("payment.captured"))).isEqualByComparingTo("75.00");
        assertThat(done.getList("timeline.type")).filteredOn("line.reserved"::equals).hasSize(2);
        assertThat(query("""
                select count(*), coalesce(sum(i.captured), 0) from sandbox_intent i
                join sandbox_request r on r.reference = i.id and r.operation = 'AUTHORIZE'
                join payment_operation o on o.id::text = r.idempotency_key where o.order_id = ?""", orderId))
                .as("one authorization at the provider, captured exactly once")
                .containsExactly("1", "75.00");
        assertThat(query("select count(*) from payment_operation where order_id = ? and status = 'PENDING'",
                orderId)).containsExactly("0");
    }

    @Test
    void aDeadlineThatFellDueWhileTheServiceWasDownFiresAfterTheRestart() throws Exception {
        UUID orderId = place(List.of(line("CR-3", 1, "40.00")));
        ReserveStock reserve = awaitSent(ReserveStock.class, orderId);
        UUID lineId = reserve.lines().get(0).lineId();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        send(new LineBackordered(orderId, lineId, "CR-3", 0, 1, BackorderKind.BACKORDER, today.plusDays(20),
                PromiseConfidence.MEDIUM));
        send(new PromiseDateChanged(orderId, lineId, "CR-3", today.plusDays(20), today.plusDays(50),
                PromiseConfidence.LOW, "vessel delayed"));
        awaitSent(FindSubstitutes.class, orderId);
        send(new SubstitutesFound(orderId, lineId, "CR-3", List.of()));
        JsonPath offered = awaitView(orderId, v -> v.get("openOffer") != null);

        service.kill();
        Instant expiry = Instant.parse(offered.getString("openOffer.expiresAt"));
        await().atMost(PATIENCE).until(() -> Instant.now().isAfter(expiry.plusSeconds(1)));
        service.restart();
        service.awaitReadyOrFail(PATIENCE);

        JsonPath expired = awaitView(orderId, v -> "EXPIRED".equals(v.getString("offers[0].status")));
        assertThat(expired.getString("offers[0].chosenOption")).isEqualTo("KEEP_WAITING");
        assertThat(new BigDecimal(expired.getString("lines[0].discount"))).as("timeline %s offers %s",
                expired.getList("timeline.detail"), expired.getList("offers")).isEqualByComparingTo("4.00");
        assertThat(query("select count(*) from saga_deadline where order_id = ? and status = 'PENDING'", orderId))
                .containsExactly("0");
    }

    // --- the platform ---

    private static Map<String, Object> line(String sku, int quantity, String price) {
        return Map.of("sku", sku, "quantity", quantity, "unitPrice", price);
    }

    private static UUID place(List<Map<String, Object>> lines) {
        String id = given().baseUri(service.baseUrl())
                .auth()
                .oauth2(Tokens.platform())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body(Map.of("currency", "EUR", "shipping", "SHIP_AVAILABLE", "paymentMethod", "pm_card_visa",
                        "customer", Map.of("id", "crash-customer", "email", "crash@example.com"), "lines", lines))
                .post("/orders")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return UUID.fromString(id);
    }

    private static void ship(UUID orderId, Map<UUID, Integer> units) {
        List<Map<String, Object>> lines = new ArrayList<>();
        units.forEach((line, quantity) -> lines.add(Map.of("lineId", line.toString(), "quantity", quantity)));
        given().baseUri(service.baseUrl())
                .auth()
                .oauth2(Tokens.platform())
                .contentType(ContentType.JSON)
                .body(Map.of("shipmentId", "crash-parcel", "lines", lines))
                .post("/orders/{id}/shipments", orderId)
                .then()
                .statusCode(202);
    }

    private static JsonPath awaitView(UUID orderId, Predicate<JsonPath> condition) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = given().baseUri(service.baseUrl())
                    .auth()
                    .oauth2(Tokens.platform())
                    .get("/orders/{id}", orderId)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            return condition.test(last[0]);
        });
        return last[0];
    }

    // --- inventory, through the broker ---

    private static <T extends Message> T awaitSent(Class<T> type, UUID orderId) {
        String typeName = MessageCatalog.of(type).typeName();
        List<T> found = new ArrayList<>();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
            for (String body : broker.peekMessageBodies(Addresses.INVENTORY_INBOX)) {
                Envelope envelope = codec.read(body);
                if (envelope.type().equals(typeName) && orderId.toString().equals(envelope.correlationId())) {
                    found.add(codec.payload(envelope, type));
                    return true;
                }
            }
            return false;
        });
        return found.get(0);
    }

    private static Envelope send(Message message) {
        Envelope envelope = codec.wrap(message, null);
        resend(envelope);
        return envelope;
    }

    private static void resend(Envelope envelope) {
        broker.sendEnvelope(Addresses.ORDER_INBOX, codec.write(envelope), envelope.id(),
                envelope.correlationId());
    }

    private static List<String> query(String sql, UUID orderId) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", postgres.superuser());
        if (postgres.password() != null) {
            credentials.setProperty("password", postgres.password());
        }
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(DATABASE), credentials);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, orderId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    values.add(rows.getString(i));
                }
                return values;
            }
        }
    }
}
