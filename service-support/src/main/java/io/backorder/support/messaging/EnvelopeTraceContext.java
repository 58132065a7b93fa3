package io.backorder.support.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.backorder.contracts.Envelope;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;

/**
 * The W3C trace context carried in an envelope's {@code traceparent} and {@code tracestate} attributes (the CloudEvents
 * Distributed Tracing extension). Written when a message is published, so it is stored in the outbox with the
 * message and reaches the consumer however late the relay sends it. Only the trace context travels: baggage is not
 * part of that extension.
 */
final class EnvelopeTraceContext {

    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";

    private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Envelope> FROM_ENVELOPE = new TextMapGetter<>() {

        @Override
        public Iterable<String> keys(Envelope envelope) {
            return List.of(TRACEPARENT, TRACESTATE);
        }

        @Override
        public String get(Envelope envelope, String key) {
            if (envelope == null) {
                return null;
            }
            return switch (key) {
                case TRACEPARENT -> envelope.traceparent();
                case TRACESTATE -> envelope.tracestate();
                default -> null;
            };
        }
    };

    private EnvelopeTraceContext() {
    }

    /** The fields of the span current on this thread or Vert.x context; empty outside any trace. */
    static Map<String, String> current() {
        Context context = Context.current();
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return Map.of();
        }
        Map<String, String> fields = new HashMap<>(4);
        W3C.inject(context, fields, Map::put);
        return fields;
    }

    /** The publisher's span as the remote parent of the envelope's consumer, or the root context when it has none. */
    static Context parentOf(Envelope envelope) {
        return W3C.extract(Context.root(), envelope, FROM_ENVELOPE);
    }
}
