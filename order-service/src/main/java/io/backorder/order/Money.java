package io.backorder.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.stream.Stream;

/** Amounts in an order's currency, rounded to the currency's minor unit. */
public final class Money {

    private Money() {
    }

    public static int scale(String currency) {
        return Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
    }

    public static BigDecimal round(BigDecimal amount, String currency) {
        return amount.setScale(scale(currency), RoundingMode.HALF_UP);
    }

    /** {@code part / whole} of {@code total}, rounded; the caller bills the last part as the exact remainder. */
    public static BigDecimal share(BigDecimal total, int part, int whole, String currency) {
        if (part == whole) {
            return total;
        }
        return total.multiply(BigDecimal.valueOf(part))
                .divide(BigDecimal.valueOf(whole), scale(currency), RoundingMode.HALF_UP);
    }

    public static BigDecimal percent(BigDecimal amount, BigDecimal percent, String currency) {
        return round(amount.multiply(percent).movePointLeft(2), currency);
    }

    public static BigDecimal sum(Stream<BigDecimal> amounts) {
        return amounts.reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public static boolean positive(BigDecimal amount) {
        return amount.signum() > 0;
    }
}
