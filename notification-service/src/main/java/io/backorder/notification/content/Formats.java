package io.backorder.notification.content;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/** Dates, times and money as a customer of the locale expects them, in the shop's time zone. */
public final class Formats {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale GERMAN = Locale.GERMAN;

    private final Locale locale;
    private final DateTimeFormatter dates;
    private final DateTimeFormatter times;

    public Formats(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        this.times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(zone);
    }

    /** German for any German tag ("de", "de-AT", "de_CH"), English for everything else. */
    public static Locale locale(String tag) {
        if (tag != null && tag.strip().toLowerCase(Locale.ROOT).matches("de([-_].*)?")) {
            return GERMAN;
        }
        return ENGLISH;
    }

    public Locale locale() {
        return locale;
    }

    public String date(LocalDate date) {
        return date == null ? null : dates.format(date);
    }

    public String dateTime(Instant instant) {
        return instant == null ? null : times.format(instant);
    }

    public String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        try {
            format.setCurrency(Currency.getInstance(currency));
        } catch (IllegalArgumentException | NullPointerException e) {
            return amount.toPlainString() + (currency == null ? "" : " " + currency);
        }
        return format.format(amount);
    }
}
