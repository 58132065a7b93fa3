package io.backorder.contracts;

import static io.backorder.contracts.Addresses.INSIGHTS_INBOX;
import static io.backorder.contracts.Addresses.INVENTORY_INBOX;
import static io.backorder.contracts.Addresses.NOTIFICATION_INBOX;
import static io.backorder.contracts.Addresses.ORDER_INBOX;
import static io.backorder.contracts.Addresses.SUPPLIER_INBOX;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.backorder.contracts.inventory.BackorderQuoted;
import io.backorder.contracts.inventory.BackorderRecorded;
import io.backorder.contracts.inventory.DemandForecastUpdated;
import io.backorder.contracts.inventory.FindSubstitutes;
import io.backorder.contracts.inventory.GoodsReceived;
import io.backorder.contracts.inventory.LineBackordered;
import io.backorder.contracts.inventory.LineRejected;
import io.backorder.contracts.inventory.PromiseDateChanged;
import io.backorder.contracts.inventory.ReleaseStock;
import io.backorder.contracts.inventory.ReplenishmentRequested;
import io.backorder.contracts.inventory.ReserveStock;
import io.backorder.contracts.inventory.ReservedStockShipped;
import io.backorder.contracts.inventory.ShipReservedStock;
import io.backorder.contracts.inventory.StockAllocated;
import io.backorder.contracts.inventory.StockReleased;
import io.backorder.contracts.inventory.StockReserved;
import io.backorder.contracts.inventory.SubstitutesFound;
import io.backorder.contracts.notification.ApplyCustomerDecision;
import io.backorder.contracts.notification.ContactClicked;
import io.backorder.contracts.notification.CustomerNotified;
import io.backorder.contracts.notification.SendCustomerMessage;
import io.backorder.contracts.notification.UpdatePaymentMethod;
import io.backorder.contracts.order.LineCancelled;
import io.backorder.contracts.order.OfferMade;
import io.backorder.contracts.order.OfferSettled;
import io.backorder.contracts.order.OrderPlaced;
import io.backorder.contracts.order.PaymentRefunded;
import io.backorder.contracts.supplier.DropshipArranged;
import io.backorder.contracts.supplier.EtaChanged;
import io.backorder.contracts.supplier.PurchaseOrderIssued;
import io.backorder.contracts.supplier.PurchaseOrderLineCancelled;
import io.backorder.contracts.supplier.SupplyTermsChanged;

/**
 * Every message type on the wire: its name (the envelope's {@code type}), its schema version and the inboxes it is
 * delivered to. A publisher writes one outbox row per destination, so who receives what is decided here, in one
 * place every service compiles against, rather than in broker configuration.
 */
public final class MessageCatalog {

    public record Entry(Class<? extends Message> payloadType, String typeName, int schemaVersion,
            List<String> destinations) {
    }

    private static final Map<Class<? extends Message>, Entry> BY_CLASS = new LinkedHashMap<>();
    private static final Map<String, Entry> BY_NAME = new LinkedHashMap<>();

    static {
        register(ReserveStock.class, 1, INVENTORY_INBOX);
        register(ReleaseStock.class, 1, INVENTORY_INBOX);
        register(StockReserved.class, 1, ORDER_INBOX, INSIGHTS_INBOX);
        register(LineBackordered.class, 1, ORDER_INBOX, INSIGHTS_INBOX);
        register(LineRejected.class, 1, ORDER_INBOX, INSIGHTS_INBOX);
        register(StockReleased.class, 1, ORDER_INBOX, INSIGHTS_INBOX);
        register(ShipReservedStock.class, 1, INVENTORY_INBOX);
        register(ReservedStockShipped.class, 1, ORDER_INBOX, INSIGHTS_INBOX);
        register(PromiseDateChanged.class, 1, ORDER_INBOX, INSIGHTS_INBOX);
        register(StockAllocated.class, 1, ORDER_INBOX, INSIGHTS_INBOX);
        register(FindSubstitutes.class, 1, INVENTORY_INBOX);
        register(SubstitutesFound.class, 1, ORDER_INBOX);
        register(BackorderRecorded.class, 1, SUPPLIER_INBOX);
        register(ReplenishmentRequested.class, 1, SUPPLIER_INBOX);
        register(GoodsReceived.class, 1, SUPPLIER_INBOX, INSIGHTS_INBOX);
        register(DemandForecastUpdated.class, 1, SUPPLIER_INBOX, INSIGHTS_INBOX);

        register(PurchaseOrderIssued.class, 1, INVENTORY_INBOX, INSIGHTS_INBOX);
        register(EtaChanged.class, 1, INVENTORY_INBOX, INSIGHTS_INBOX);
        register(PurchaseOrderLineCancelled.class, 1, INVENTORY_INBOX, INSIGHTS_INBOX);
        register(DropshipArranged.class, 1, INVENTORY_INBOX, ORDER_INBOX);
        register(SupplyTermsChanged.class, 1, INVENTORY_INBOX);

        register(SendCustomerMessage.class, 1, NOTIFICATION_INBOX);
        register(CustomerNotified.class, 1, ORDER_INBOX);
        register(ApplyCustomerDecision.class, 1, ORDER_INBOX);
        register(UpdatePaymentMethod.class, 1, ORDER_INBOX);

        // Facts only the KPI read model needs.
        register(OrderPlaced.class, 1, INSIGHTS_INBOX);
        register(LineCancelled.class, 1, INSIGHTS_INBOX);
        register(OfferMade.class, 1, INSIGHTS_INBOX);
        register(OfferSettled.class, 1, INSIGHTS_INBOX);
        register(PaymentRefunded.class, 1, INSIGHTS_INBOX);
        register(ContactClicked.class, 1, INSIGHTS_INBOX);
        register(BackorderQuoted.class, 1, INSIGHTS_INBOX);
    }

    private MessageCatalog() {
    }

    private static void register(Class<? extends Message> type, int schemaVersion, String... destinations) {
        Entry entry = new Entry(type, type.getSimpleName(), schemaVersion, List.of(destinations));
        if (BY_NAME.putIfAbsent(entry.typeName(), entry) != null) {
            throw new IllegalStateException("Two message types share the name " + entry.typeName());
        }
        BY_CLASS.put(type, entry);
    }

    public static Entry of(Class<? extends Message> type) {
        Entry entry = BY_CLASS.get(type);
        if (entry == null) {
            throw new IllegalArgumentException("Not a registered message type: " + type.getName());
        }
        return entry;
    }

    public static Optional<Entry> byName(String typeName) {
        return Optional.ofNullable(BY_NAME.get(typeName));
    }

    public static List<Entry> all() {
        return List.copyOf(BY_CLASS.values());
    }
}
