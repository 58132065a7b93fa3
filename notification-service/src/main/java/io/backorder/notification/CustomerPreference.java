package io.backorder.notification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The channels a customer wants to hear from us on; absent means both (within the consent given at checkout). */
@Entity
@Table(name = "customer_preference")
public class CustomerPreference {

    @Id
    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "email_enabled", nullable = false)
    public boolean emailEnabled;

    @Column(name = "sms_enabled", nullable = false)
    public boolean smsEnabled;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** "customer" when changed on the page, else the operator's name. */
    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    public static CustomerPreference defaults(String customerId) {
        CustomerPreference preference = new CustomerPreference();
        preference.customerId = customerId;
        preference.emailEnabled = true;
        preference.smsEnabled = true;
        return preference;
    }

    public boolean allows(Channel channel) {
        return channel == Channel.EMAIL ? emailEnabled : smsEnabled;
    }
}
