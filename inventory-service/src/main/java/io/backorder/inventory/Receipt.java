package io.backorder.inventory;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Goods received at a warehouse in one go; its lines are {@link ReceiptLine}s. Never changed after it is recorded. */
@Entity
@Table(name = "receipt")
public class Receipt {

    @Id
    public UUID id;

    @Column(name = "location_id", nullable = false)
    public String locationId;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    public String note;

    @Column(name = "received_by")
    public String receivedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
