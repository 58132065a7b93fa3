package io.backorder.supplier;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

@Entity
@Table(name = "shipment_line")
public class ShipmentLine {

    // A sequence rather than an identity column: identity rows are inserted at once, before the row they refer to.
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "shipment_line_id_seq")
    @SequenceGenerator(name = "shipment_line_id_seq", sequenceName = "shipment_line_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "shipment_id", nullable = false)
    public UUID shipmentId;

    @Column(name = "purchase_order_line_id", nullable = false)
    public String purchaseOrderLineId;

    @Column(nullable = false)
    public int quantity;
}
