package io.backorder.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.backorder.contracts.notification.CustomerContact;

/**
 * The latest the saga told us about one order: how to reach its customer and the order snapshot the page and the
 * messages show. Snapshots can arrive out of order; an older one never replaces a newer one.
 */
@Entity
@Table(name = "customer_order")
public class CustomerOrder {

    @Id
    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Column(name = "order_reference")
    public String orderReference;

    public String email;

    public String phone;

    public String locale;

    @Column(name = "email_opt_in", nullable = false)
    public boolean emailOptIn;

    @Column(name = "sms_opt_in", nullable = false)
    public boolean smsOptIn;

    /** {@link io.backorder.contracts.notification.OrderSnapshot} as JSON. */
    @Column(nullable = false, columnDefinition = "text")
    public String snapshot;

    @Column(name = "snapshot_at", nullable = false)
    public Instant snapshotAt;

    /** Promise date per line as last delivered to the customer (JSON object line id to date); null before. */
    @Column(name = "notified_promises", columnDefinition = "text")
    public String notifiedPromises;

    @Column(name = "payment_update_requested", nullable = false)
    public boolean paymentUpdateRequested;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    public static CustomerOrder create(UUID orderId, CustomerContact contact, String orderReference,
            String snapshotJson, Instant snapshotAt, Instant now) {
        CustomerOrder order = new CustomerOrder();
        order.orderId = orderId;
        order.snapshotAt = Instant.EPOCH;
        order.update(contact, orderReference, snapshotJson, snapshotAt, now);
        return order;
    }

    /** Takes contact and snapshot if they are at least as new as what is kept; returns whether they were taken. */
    public boolean update(CustomerContact contact, String reference, String snapshotJson, Instant at, Instant now) {
        if (at.isBefore(snapshotAt)) {
            return false;
        }
        customerId = contact.customerId();
        email = blankToNull(contact.email());
        phone = blankToNull(contact.phone());
        locale = blankToNull(contact.locale());
        emailOptIn = contact.emailOptIn();
        smsOptIn = contact.smsOptIn();
        orderReference = reference;
        snapshot = snapshotJson;
        snapshotAt = at;
        updatedAt = now;
        return true;
    }

    public void requestPaymentUpdate(Instant now) {
        paymentUpdateRequested = true;
        updatedAt = now;
    }

    public void paymentMethodSubmitted(Instant now) {
        if (!paymentUpdateRequested) {
            throw new IllegalStateException("Order " + orderId + " has no payment method update pending");
        }
        paymentUpdateRequested = false;
        updatedAt = now;
    }

    public void promisesDelivered(String promisesJson, Instant now) {
        notifiedPromises = promisesJson;
        updatedAt = now;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
