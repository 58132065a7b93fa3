package io.backorder.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.Message;
import io.backorder.contracts.inventory.PromiseConfidence;
import io.backorder.contracts.inventory.PromiseDateChanged;
import io.backorder.contracts.inventory.StockAllocated;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

class MessageCodecTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final MessageCodec codec = new MessageCodec(mapper, "inventory-service");

    @Test
    void writingInOnePassGivesTheDocumentOfWrappingThenWriting() throws Exception {
        UUID orderId = UUID.randomUUID();
        var allocated = new StockAllocated(orderId, UUID.randomUUID(), "SKU-1", 2, 1, "WH1", 42.5,
                "tier GOLD +20; \"quoted\" \u00e9");
        var moved = new PromiseDateChanged(orderId, UUID.randomUUID(), "SKU-1", LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 9), PromiseConfidence.MEDIUM, "supplier ETA slipped");

        for (Message message : List.of(allocated, moved)) {
            MessageCodec.Written written = codec.wrapAndWrite(message, "cause-1");
            Envelope twoPass = codec.wrap(message, "cause-1");

            ObjectNode onePassJson = (ObjectNode) mapper.readTree(written.body());
            ObjectNode twoPassJson = (ObjectNode) mapper.readTree(codec.write(twoPass));
            assertThat(onePassJson.get("id").asText()).isEqualTo(written.envelope().id());
            // a fresh id and time per envelope; everything else is the same document
            for (ObjectNode json : List.of(onePassJson, twoPassJson)) {
                json.remove("id");
                json.remove("time");
            }
            assertThat(onePassJson).isEqualTo(twoPassJson);
            assertThat(codec.payload(codec.read(written.body()), message.getClass())).isEqualTo(message);
        }
    }

    @Test
    void anEnvelopeCarriesTheTraceContextItWasPublishedInToItsConsumer() {
        SpanContext publisher = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
                TraceFlags.getSampled(), TraceState.builder().put("shop", "t61rcWkgMzE").build());
        var moved = new PromiseDateChanged(UUID.randomUUID(), UUID.randomUUID(), "SKU-1", LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 9), PromiseConfidence.MEDIUM, "supplier ETA slipped");

        List<String> bodies;
        try (Scope inSpan = Context.root().with(Span.wrap(publisher)).makeCurrent()) {
            bodies = List.of(codec.wrapAndWrite(moved, null).body(), codec.write(codec.wrap(moved, null)));
        }

        for (String body : bodies) {
            Envelope received = codec.read(body);
            assertThat(received.traceparent()).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
            assertThat(received.tracestate()).isEqualTo("shop=t61rcWkgMzE");
            SpanContext parent = Span.fromContext(EnvelopeTraceContext.parentOf(received)).getSpanContext();
            assertThat(parent.isRemote()).isTrue();
            assertThat(parent.getTraceId()).isEqualTo(publisher.getTraceId());
            assertThat(parent.getSpanId()).isEqualTo(publisher.getSpanId());
            assertThat(parent.getTraceState()).isEqualTo(publisher.getTraceState());
        }
    }

    @Test
    void anEnvelopePublishedOutsideAnyTraceHasNoTraceContextAndStartsNone() throws Exception {
        Envelope untraced = codec.wrap(new PromiseDateChanged(UUID.randomUUID(), UUID.randomUUID(), "SKU-1",
                LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 9), PromiseConfidence.LOW, "no trace"), null);

        assertThat(untraced.traceparent()).isNull();
        assertThat(mapper.readTree(codec.write(untraced)).has("traceparent")).isFalse();
        assertThat(Span.fromContext(EnvelopeTraceContext.parentOf(untraced)).getSpanContext().isValid()).isFalse();
    }

    @Test
    void anEnvelopeWrittenBeforeTraceContextExistedStillReads() {
        String older = """
                {"specversion":"1.0","id":"6f1c0d9e-3b1a-4c55-9a53-0f4f1c2b7d10","type":"inventory.stock_released",
                 "source":"inventory-service","time":"2026-03-01T10:15:30Z","correlationid":"order-1",
                 "schemaversion":1,"datacontenttype":"application/json","data":{"any":"payload"}}""";

        Envelope envelope = codec.read(older);

        assertThat(envelope.id()).isEqualTo("6f1c0d9e-3b1a-4c55-9a53-0f4f1c2b7d10");
        assertThat(envelope.traceparent()).isNull();
        assertThat(envelope.tracestate()).isNull();
        assertThat(Span.fromContext(EnvelopeTraceContext.parentOf(envelope)).getSpanContext().isValid()).isFalse();
    }
}
