package io.backorder.supplier.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.backorder.supplier.Agreement;
import io.backorder.supplier.PriceBreak;

public record AgreementView(UUID id, String supplierId, String sku, String currency, BigDecimal unitPrice,
        List<PriceBreak> priceBreaks, int leadTimeDays, int minOrderQuantity, int packSize, BigDecimal orderCost,
        LocalDate validFrom, LocalDate validTo, Integer urgentLeadTimeDays, BigDecimal urgentSurchargePercent,
        boolean dropship, Integer dropshipLeadTimeDays, BigDecimal dropshipFee, int version) {

    public static AgreementView of(Agreement a) {
        return new AgreementView(a.id, a.supplierId, a.sku, a.currency, a.unitPrice, a.priceBreaks, a.leadTimeDays,
                a.minOrderQuantity, a.packSize, a.orderCost, a.validFrom, a.validTo, a.urgentLeadTimeDays,
                a.urgentSurchargePercent, a.dropship, a.dropshipLeadTimeDays, a.dropshipFee, a.version);
    }
}
