package io.backorder.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A click on "contact us": customer-service load caused by backorders, per order and message kind where known. */
@Entity
@Table(name = "contact_click")
public class ContactClick {

    /** Where the click came from; UNKNOWN for a link we cannot attribute. */
    public enum Via {
        EMAIL, SMS, PAGE, UNKNOWN;

        public static Via parse(String value) {
            for (Via via : values()) {
                if (via.name().equalsIgnoreCase(value)) {
                    return via;
                }
            }
            return UNKNOWN;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "order_id")
    public UUID orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Via via;

    @Enumerated(EnumType.STRING)
    public NotificationKind kind;

    @Column(name = "clicked_at", nullable = false)
    public Instant clickedAt;

    public static ContactClick of(UUID orderId, Via via, NotificationKind kind, Instant now) {
        ContactClick click = new ContactClick();
        click.orderId = orderId;
        click.via = via;
        click.kind = kind;
        click.clickedAt = now;
        return click;
    }
}
