package io.backorder.notification;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.backorder.contracts.notification.CustomerContact;
import io.backorder.contracts.notification.CustomerMessageKind;
import io.backorder.contracts.notification.LinkAction;
import io.backorder.contracts.notification.OfferOptionKind;
import io.backorder.contracts.notification.OfferSnapshot;
import io.backorder.contracts.notification.OrderSnapshot;
import io.backorder.contracts.notification.SendCustomerMessage;

/** Builds the saga's {@link SendCustomerMessage}s the way order-service sends them. */
final class SagaRequests {

    static final LocalDate FIRST_PROMISE = LocalDate.of(2031, 3, 12);

    final UUID orderId = UUID.randomUUID();
    final UUID backorderedLine = UUID.randomUUID();
    final UUID stockLine = UUID.randomUUID();
    final String customerId = "customer-" + orderId.toString().substring(0, 8);
    final String reference = "A-" + orderId.toString().substring(0, 6).toUpperCase();
    String email = orderId + "@example.com";
    String phone;
    String locale = "en";
    boolean emailOptIn = true;
    boolean smsOptIn;
    LocalDate promise = FIRST_PROMISE;
    List<LocalDate> history = new ArrayList<>();

    SagaRequests withPhone(String number) {
        phone = number;
        smsOptIn = true;
        return this;
    }

    SagaRequests smsOnly(String number) {
        email = null;
        emailOptIn = false;
        return withPhone(number);
    }

    SagaRequests inGerman() {
        locale = "de-DE";
        return this;
    }

    /** The supplier's date moved: the old promise goes into the history. */
    SagaRequests promiseMovesTo(LocalDate date) {
        history.add(promise);
        promise = date;
        return this;
    }

    OrderSnapshot order() {
        return new OrderSnapshot(orderId, reference, Instant.parse("2031-02-01T10:15:00Z"), "EUR", List.of(
                new OrderSnapshot.Line(backorderedLine, "GADGET-9", "Gadget Nine", 2, "BACKORDERED", promise,
                        List.copyOf(history)),
                new OrderSnapshot.Line(stockLine, "CABLE-1", "USB cable", 1, "RESERVED", null, List.of())),
                new BigDecimal("19.90"), BigDecimal.ZERO, BigDecimal.ZERO);
    }

    OfferSnapshot offer(Instant expiresAt) {
        return new OfferSnapshot(UUID.randomUUID(), "Our supplier delivers four weeks later.", expiresAt,
                OfferOptionKind.KEEP_WAITING, List.of(
                        new OfferSnapshot.Option(OfferOptionKind.KEEP_WAITING, backorderedLine, null,
                                "Wait for the Gadget Nine", new BigDecimal("10.00")),
                        new OfferSnapshot.Option(OfferOptionKind.TAKE_ALTERNATIVE, backorderedLine, "GADGET-10",
                                "Gadget Ten instead, in stock", new BigDecimal("15.00")),
                        new OfferSnapshot.Option(OfferOptionKind.SHIP_AVAILABLE_NOW, backorderedLine, null,
                                "Ship the cable now", new BigDecimal("99.80")),
                        new OfferSnapshot.Option(OfferOptionKind.CANCEL_WITH_REFUND, backorderedLine, null,
                                "Cancel the gadgets", new BigDecimal("99.80"))));
    }

    SendCustomerMessage message(CustomerMessageKind kind) {
        return message(kind, null, EnumSet.noneOf(LinkAction.class));
    }

    SendCustomerMessage message(CustomerMessageKind kind, OfferSnapshot offer, Set<LinkAction> actions) {
        return new SendCustomerMessage(orderId, kind, contact(), order(), offer, actions,
                kind + ":" + UUID.randomUUID());
    }

    SendCustomerMessage offerMessage(Instant now) {
        return message(CustomerMessageKind.OFFER, offer(now.plus(Duration.ofDays(7))),
                EnumSet.of(LinkAction.DECIDE_OFFER));
    }

    CustomerContact contact() {
        return new CustomerContact(customerId, email, phone, locale, emailOptIn, smsOptIn);
    }
}
