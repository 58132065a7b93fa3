package io.backorder.contracts.notification;

/** How to reach a customer, and what the customer agreed to receive. {@code locale} is e.g. "en" or "de". */
public record CustomerContact(String customerId, String email, String phone, String locale, boolean emailOptIn,
        boolean smsOptIn) {
}
