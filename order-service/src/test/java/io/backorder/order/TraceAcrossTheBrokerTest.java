package io.backorder.order;

import static io.backorder.order.BackorderPathTest.backordered;
import static io.backorder.order.Scenario.PATIENCE;
import static io.backorder.order.Scenario.line;
import static io.backorder.order.Scenario.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.backorder.contracts.Addresses;
import io.backorder.contracts.Envelope;
import io.backorder.contracts.MessageCatalog;
import io.backorder.contracts.inventory.ReserveStock;
import io.backorder.infra.EmbeddedBroker;
import io.backorder.support.messaging.MessageCodec;
import io.backorder.testing.InjectBroker;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A trace follows an order through the broker, although the outbox relay sends every message after the work that
 * published it is over: the command published for a platform's request continues the request's trace, and a reply
 * is handled in the trace it was sent in, together with everything the saga publishes for it.
 */
@QuarkusTest
@TestProfile(TraceAcrossTheBrokerTest.RecordingSpans.class)
class TraceAcrossTheBrokerTest {

    public static class RecordingSpans implements QuarkusTestProfile {

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(RecordedSpans.class);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // Finished spans reach the exporter in batches; a short delay keeps the test quick.
            return Map.of("quarkus.otel.bsp.schedule.delay", "0.05s");
        }
    }

    /** Keeps finished spans in memory; an alternative, so only this profile records them. */
    @Alternative
    public static class RecordedSpans {

        @Produces
        @Singleton
        InMemorySpanExporter recordedSpans() {
            return InMemorySpanExporter.create();
        }
    }

    private static final AttributeKey<String> HTTP_ROUTE = AttributeKey.stringKey("http.route");
    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> CONVERSATION_ID = AttributeKey
            .stringKey("messaging.message.conversation_id");
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("backorder.inbox.outcome");

    @InjectBroker
    EmbeddedBroker broker;

    @Inject
    MessageCodec codec;

    @Inject
    InMemorySpanExporter spans;

    Scenario scenario;

    @BeforeEach
    void scenario() {
        scenario = new Scenario(broker, codec);
    }

    @Test
    void theCommandPublishedForARequestCarriesTheRequestsSpan() {
        String platformTrace = randomTraceId();
        String platformSpan = randomSpanId();

        UUID orderId = scenario.place(order("SHIP_AVAILABLE", "pm_card_visa", List.of(line("TR-1", 1, "10.00"))),
                Map.of("traceparent", traceparent(platformTrace, platformSpan)));

        String reserveStock = MessageCatalog.of(ReserveStock.class).typeName();
        Envelope reserve = scenario.awaitEnvelope(Addresses.INVENTORY_INBOX,
                envelope -> envelope.type().equals(reserveStock) && orderId.toString()
                        .equals(envelope
                                .correlationId()));
        assertThat(traceIdOf(reserve)).isEqualTo(platformTrace);
        SpanData request = awaitSpan(span -> span.getSpanId().equals(parentSpanIdOf(reserve)));
        assertThat(request.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(request.getAttributes().get(HTTP_ROUTE)).isEqualTo("/orders");
        assertThat(request.getTraceId()).isEqualTo(platformTrace);
        assertThat(request.getParentSpanId()).isEqualTo(platformSpan);
    }

    @Test
    void aReplyIsHandledInTheTraceItWasSentInAndWhatTheSagaPublishesForItStaysInIt() {
        UUID orderId = scenario.place(order("SHIP_AVAILABLE", "pm_card_visa", List.of(line("TR-2", 1, "10.00"))));
        ReserveStock reserve = scenario.awaitCommand(ReserveStock.class, orderId);
        String inventoryTrace = randomTraceId();
        String inventorySpan = randomSpanId();
        Envelope reply = codec
                .wrap(backordered(orderId, reserve.lines().get(0).lineId(), "TR-2", 0, 1, LocalDate.now(
                        ZoneOffset.UTC).plusDays(20)), null)
                .withTraceContext(traceparent(inventoryTrace, inventorySpan), null);

        scenario.send(reply);

        SpanData handling = awaitSpan(span -> span.getTraceId().equals(inventoryTrace)
                && span.getKind() == SpanKind.CONSUMER);
        assertThat(handling.getName()).isEqualTo(reply.type() + " process");
        assertThat(handling.getParentSpanId()).isEqualTo(inventorySpan);
        assertThat(handling.getAttributes().get(MESSAGE_ID)).isEqualTo(reply.id());
        assertThat(handling.getAttributes().get(DESTINATION)).isEqualTo(Addresses.ORDER_INBOX);
        assertThat(handling.getAttributes().get(CONVERSATION_ID)).isEqualTo(orderId.toString());
        assertThat(handling.getAttributes().get(OUTCOME)).isEqualTo("processed");
        // the customer's backorder confirmation, published by the saga while it handled the reply
        Envelope confirmation = scenario.awaitEnvelope(Addresses.NOTIFICATION_INBOX,
                envelope -> reply.id().equals(envelope.causationId()));
        assertThat(confirmation.traceparent()).isEqualTo(traceparent(inventoryTrace, handling.getSpanId()));

        scenario.send(reply);

        SpanData redelivery = awaitSpan(span -> span.getTraceId().equals(inventoryTrace)
                && span.getKind() == SpanKind.CONSUMER && !span.getSpanId().equals(handling.getSpanId()));
        assertThat(redelivery.getAttributes().get(OUTCOME)).isEqualTo("duplicate");
        assertThat(redelivery.getParentSpanId()).isEqualTo(inventorySpan);
    }

    private SpanData awaitSpan(Predicate<SpanData> condition) {
        return await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> spans.getFinishedSpanItems().stream().filter(condition).findFirst(),
                        found -> found.isPresent())
                .orElseThrow();
    }

    private static String traceparent(String traceId, String spanId) {
        return "00-" + traceId + "-" + spanId + "-01";
    }

    private static String traceIdOf(Envelope envelope) {
        return envelope.traceparent().split("-")[1];
    }

    private static String parentSpanIdOf(Envelope envelope) {
        return envelope.traceparent().split("-")[2];
    }

    private static String randomTraceId() {
        UUID random = UUID.randomUUID();
        return TraceId.fromLongs(random.getMostSignificantBits(), random.getLeastSignificantBits());
    }

    private static String randomSpanId() {
        return SpanId.fromLong(UUID.randomUUID().getMostSignificantBits());
    }
}
