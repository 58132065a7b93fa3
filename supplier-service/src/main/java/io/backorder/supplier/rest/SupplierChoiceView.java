package io.backorder.supplier.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.backorder.supplier.ChoiceKind;
import io.backorder.supplier.ChoiceOutcome;
import io.backorder.supplier.Offer;
import io.backorder.supplier.SupplierChoice;

/** A sourcing decision with every offer weighed and the reasons, for operators. */
public record SupplierChoiceView(UUID id, ChoiceKind kind, String demandId, String sku, String locationId,
        int quantity, LocalDate needBy, boolean urgent, String explanation, UUID orderId, UUID orderLineId,
        ChoiceOutcome outcome, String supplierId, UUID agreementId, Offer.Mode mode, Integer orderQuantity,
        LocalDate expectedDate, BigDecimal landedCost, String baseCurrency, String purchaseOrderId,
        String replacesLineId, List<String> reasons, List<Offer> offers, Instant decidedAt) {

    public static SupplierChoiceView of(SupplierChoice c) {
        return new SupplierChoiceView(c.id, c.kind, c.demandId, c.sku, c.locationId, c.quantity, c.needBy, c.urgent,
                c.explanation, c.orderId, c.orderLineId, c.outcome, c.supplierId, c.agreementId, c.mode,
                c.orderQuantity, c.expectedDate, c.landedCost, c.baseCurrency, c.purchaseOrderId, c.replacesLineId,
                c.reasons, c.offers, c.decidedAt);
    }
}
