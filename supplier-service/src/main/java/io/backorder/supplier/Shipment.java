package io.backorder.supplier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A shipment advice: the supplier sent units of some lines, under a tracking number. */
@Entity
@Table(name = "shipment")
public class Shipment {

    @Id
    public UUID id;

    @Column(name = "purchase_order_id", nullable = false)
    public String purchaseOrderId;

    @Column(name = "tracking_number", nullable = false)
    public String trackingNumber;

    public String carrier;

    @Column(name = "shipped_on", nullable = false)
    public LocalDate shippedOn;

    @Column(name = "advised_by", nullable = false)
    public String advisedBy;

    @Column(name = "advised_at", nullable = false)
    public Instant advisedAt;
}
