package io.backorder.inventory.rest;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.backorder.inventory.BackorderPolicy;
import io.backorder.inventory.Sku;

public record SkuView(String sku, String name, BackorderPolicy backorderPolicy, Integer backorderCap,
        boolean capToInbound, LocalDate launchDate, int leadTimeDays, String substitutionGroup, BigDecimal unitPrice,
        String planningClass) {

    public static SkuView of(Sku sku) {
        return new SkuView(sku.sku, sku.name, sku.backorderPolicy, sku.backorderCap, sku.capToInbound, sku.launchDate,
                sku.leadTimeDays, sku.substitutionGroup, sku.unitPrice, sku.planningClass);
    }
}
