package io.backorder.support.messaging;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.backorder.contracts.Envelope;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;

/**
 * One CONSUMER span per inbox message, a child of the span that published it (from the envelope's trace context), so
 * a trace follows an order from the platform's request through every service. The AMQP connector's own tracing is
 * off: it would start its span when the relay sends, outside the request, in a trace of its own.
 * <p>
 * The span is current while the handler runs: Quarkus keeps the OpenTelemetry context in the Vert.x duplicated context
 * of the message, which every continuation of the handling (database calls included) runs on, so the messages the
 * handler publishes carry this span as their parent. It ends when the transaction has committed or rolled back.
 */
@ApplicationScoped
class InboxTracing {

    // Attribute names of the OpenTelemetry semantic conventions for messaging; the suite's own under "backorder.".
    private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("messaging.operation.type");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    private static final AttributeKey<String> CONVERSATION_ID = AttributeKey
            .stringKey("messaging.message.conversation_id");
    static final AttributeKey<String> MESSAGE_TYPE = AttributeKey.stringKey("backorder.message.type");
    static final AttributeKey<String> CAUSATION_ID = AttributeKey.stringKey("backorder.message.causation_id");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("backorder.inbox.outcome");

    private final Tracer tracer;
    private final String inbox;

    InboxTracing(Tracer tracer, @ConfigProperty(name = "mp.messaging.incoming.inbox.address") String inbox) {
        this.tracer = tracer;
        this.inbox = inbox;
    }

    /**
     * Runs the handling of one envelope in its span.
     *
     * @param handling completes with false when the message had been processed before (a duplicate)
     */
    Uni<Boolean> traced(Envelope envelope, Supplier<Uni<Boolean>> handling) {
        return Uni.createFrom().deferred(() -> {
            Span span = tracer.spanBuilder(envelope.type() + " process")
                    .setParent(EnvelopeTraceContext.parentOf(envelope))
                    .setSpanKind(SpanKind.CONSUMER)
                    .setAttribute(SYSTEM, "amqp")
                    .setAttribute(OPERATION_TYPE, "process")
                    .setAttribute(DESTINATION, inbox)
                    .setAttribute(MESSAGE_ID, envelope.id())
                    .setAttribute(CONVERSATION_ID, envelope.correlationId())
                    .setAttribute(MESSAGE_TYPE, envelope.type())
                    .setAttribute(CAUSATION_ID, envelope.causationId())
                    .startSpan();
            Scope scope = span.makeCurrent();
            return Uni.createFrom().deferred(handling::get).onTermination().invoke((processed, failure, cancelled) -> {
                if (failure != null) {
                    span.recordException(failure);
                    span.setStatus(StatusCode.ERROR, failure.getMessage());
                    span.setAttribute(OUTCOME, "failed");
                } else if (cancelled) {
                    span.setAttribute(OUTCOME, "cancelled");
                } else {
                    span.setAttribute(OUTCOME, processed ? "processed" : "duplicate");
                }
                scope.close();
                span.end();
            });
        });
    }
}
