package io.backorder.supplier;

import java.math.BigDecimal;

/** From {@code minQuantity} units on, each unit costs {@code unitPrice}. */
public record PriceBreak(int minQuantity, BigDecimal unitPrice) {
}
