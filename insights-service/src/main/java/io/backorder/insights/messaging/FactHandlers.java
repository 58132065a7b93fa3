package io.backorder.insights.messaging;

import java.util.function.BiFunction;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.Message;
import io.backorder.contracts.MessageCatalog;
import io.backorder.contracts.inventory.BackorderQuoted;
import io.backorder.contracts.inventory.DemandForecastUpdated;
import io.backorder.contracts.inventory.GoodsReceived;
import io.backorder.contracts.inventory.LineBackordered;
import io.backorder.contracts.inventory.LineRejected;
import io.backorder.contracts.inventory.PromiseDateChanged;
import io.backorder.contracts.inventory.ReservedStockShipped;
import io.backorder.contracts.inventory.StockAllocated;
import io.backorder.contracts.inventory.StockReleased;
import io.backorder.contracts.inventory.StockReserved;
import io.backorder.contracts.notification.ContactClicked;
import io.backorder.contracts.order.LineCancelled;
import io.backorder.contracts.order.OfferMade;
import io.backorder.contracts.order.OfferSettled;
import io.backorder.contracts.order.OrderPlaced;
import io.backorder.contracts.order.PaymentRefunded;
import io.backorder.contracts.supplier.EtaChanged;
import io.backorder.contracts.supplier.PurchaseOrderIssued;
import io.backorder.contracts.supplier.PurchaseOrderLineCancelled;
import io.backorder.insights.service.Facts;
import io.backorder.support.messaging.MessageHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * One inbox handler per message type the read model copies. Each only writes its facts, so they are produced from
 * the {@link Facts} methods rather than written out as twenty near-identical classes.
 */
@Singleton
public class FactHandlers {

    private final Facts facts;
    private final MeterRegistry registry;

    public FactHandlers(Facts facts, MeterRegistry registry) {
        this.facts = facts;
        this.registry = registry;
    }

    /** Writes one message type's facts and counts the messages taken in. */
    record FactHandler<T extends Message>(Class<T> messageType, BiFunction<T, Envelope, Uni<Void>> write,
            MeterRegistry registry) implements MessageHandler<T> {

        @Override
        public Uni<Void> handle(T message, Envelope envelope) {
            return write.apply(message, envelope)
                    .invoke(() -> registry.counter("backorder.insights.facts", "type",
                            MessageCatalog.of(messageType).typeName()).increment());
        }
    }

    private <T extends Message> MessageHandler<T> handler(Class<T> type, BiFunction<T, Envelope, Uni<Void>> write) {
        return new FactHandler<>(type, write, registry);
    }

    @Produces
    @Singleton
    MessageHandler<OrderPlaced> orderPlaced() {
        return handler(OrderPlaced.class, facts::orderPlaced);
    }

    @Produces
    @Singleton
    MessageHandler<StockReserved> stockReserved() {
        return handler(StockReserved.class, facts::stockReserved);
    }

    @Produces
    @Singleton
    MessageHandler<LineBackordered> lineBackordered() {
        return handler(LineBackordered.class, facts::lineBackordered);
    }

    @Produces
    @Singleton
    MessageHandler<LineRejected> lineRejected() {
        return handler(LineRejected.class, facts::lineRejected);
    }

    @Produces
    @Singleton
    MessageHandler<PromiseDateChanged> promiseDateChanged() {
        return handler(PromiseDateChanged.class, facts::promiseDateChanged);
    }

    @Produces
    @Singleton
    MessageHandler<StockAllocated> stockAllocated() {
        return handler(StockAllocated.class, facts::stockAllocated);
    }

    @Produces
    @Singleton
    MessageHandler<StockReleased> stockReleased() {
        return handler(StockReleased.class, facts::stockReleased);
    }

    @Produces
    @Singleton
    MessageHandler<ReservedStockShipped> reservedStockShipped() {
        return handler(ReservedStockShipped.class, facts::reservedStockShipped);
    }

    @Produces
    @Singleton
    MessageHandler<LineCancelled> lineCancelled() {
        return handler(LineCancelled.class, facts::lineCancelled);
    }

    @Produces
    @Singleton
    MessageHandler<PaymentRefunded> paymentRefunded() {
        return handler(PaymentRefunded.class, facts::paymentRefunded);
    }

    @Produces
    @Singleton
    MessageHandler<OfferMade> offerMade() {
        return handler(OfferMade.class, facts::offerMade);
    }

    @Produces
    @Singleton
    MessageHandler<OfferSettled> offerSettled() {
        return handler(OfferSettled.class, facts::offerSettled);
    }

    @Produces
    @Singleton
    MessageHandler<PurchaseOrderIssued> purchaseOrderIssued() {
        return handler(PurchaseOrderIssued.class, facts::purchaseOrderIssued);
    }

    @Produces
    @Singleton
    MessageHandler<EtaChanged> etaChanged() {
        return handler(EtaChanged.class, facts::etaChanged);
    }

    @Produces
    @Singleton
    MessageHandler<PurchaseOrderLineCancelled> purchaseOrderLineCancelled() {
        return handler(PurchaseOrderLineCancelled.class, facts::purchaseOrderLineCancelled);
    }

    @Produces
    @Singleton
    MessageHandler<GoodsReceived> goodsReceived() {
        return handler(GoodsReceived.class, facts::goodsReceived);
    }

    @Produces
    @Singleton
    MessageHandler<DemandForecastUpdated> demandForecastUpdated() {
        return handler(DemandForecastUpdated.class, facts::demandForecastUpdated);
    }

    @Produces
    @Singleton
    MessageHandler<BackorderQuoted> backorderQuoted() {
        return handler(BackorderQuoted.class, facts::backorderQuoted);
    }

    @Produces
    @Singleton
    MessageHandler<ContactClicked> contactClicked() {
        return handler(ContactClicked.class, facts::contactClicked);
    }
}
