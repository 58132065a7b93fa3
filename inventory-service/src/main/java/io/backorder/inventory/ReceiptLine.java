package io.backorder.inventory;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "receipt_line")
public class ReceiptLine {

    @EmbeddedId
    public Key id;

    @Column(nullable = false)
    public String sku;

    @Column(nullable = false)
    public int quantity;

    @Column(name = "purchase_order_line_id")
    public String purchaseOrderLineId;

    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "receipt_id", nullable = false)
        public UUID receiptId;

        @Column(name = "line_no", nullable = false)
        public int lineNo;

        public Key() {
        }

        public Key(UUID receiptId, int lineNo) {
            this.receiptId = receiptId;
            this.lineNo = lineNo;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && receiptId.equals(key.receiptId) && lineNo == key.lineNo;
        }

        @Override
        public int hashCode() {
            return Objects.hash(receiptId, lineNo);
        }
    }

    public static ReceiptLine of(UUID receiptId, int lineNo, String sku, int quantity, String purchaseOrderLineId) {
        ReceiptLine line = new ReceiptLine();
        line.id = new Key(receiptId, lineNo);
        line.sku = sku;
        line.quantity = quantity;
        line.purchaseOrderLineId = purchaseOrderLineId;
        return line;
    }
}
