package io.backorder.supplier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Goods inventory received against a purchase-order line: one line of a warehouse receipt. */
@Entity
@Table(name = "goods_receipt")
public class GoodsReceipt {

    @Id
    public UUID id;

    @Column(name = "receipt_id", nullable = false)
    public UUID receiptId;

    /** Receipt id, SKU and the purchase-order line inventory named: what makes a re-sent receipt line count once. */
    @Column(name = "receipt_key", nullable = false)
    public String receiptKey;

    @Column(name = "purchase_order_id", nullable = false)
    public String purchaseOrderId;

    @Column(name = "purchase_order_line_id", nullable = false)
    public String purchaseOrderLineId;

    @Column(nullable = false)
    public String sku;

    @Column(name = "location_id")
    public String locationId;

    @Column(nullable = false)
    public int quantity;

    @Column(name = "received_on", nullable = false)
    public LocalDate receivedOn;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
