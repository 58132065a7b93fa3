package io.backorder.support.tracing;

import java.util.Collection;

import jakarta.inject.Singleton;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupUnlessProperty;

/**
 * Where finished spans go while OTLP export is off, the default: tests and the local stack run no collector. Spans are
 * still created, so trace ids reach the log MDC and the message envelopes and a trace still follows an order; they
 * are just not sent anywhere.
 * <p>
 * Quarkus builds its OTLP exporter only when no other {@link SpanExporter} bean can be looked up, and then sends to
 * {@code quarkus.otel.exporter.otlp.endpoint} (localhost:4317 unless set), logging every failed attempt. This bean's
 * presence prevents that; {@code backorder.tracing.otlp.enabled=true} hides it from lookup at run time, so the same
 * build exports when a deployment asks for it.
 */
@Singleton
@Unremovable
@LookupUnlessProperty(name = "backorder.tracing.otlp.enabled", stringValue = "true", lookupIfMissing = true)
public class UnexportedSpans implements SpanExporter {

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
