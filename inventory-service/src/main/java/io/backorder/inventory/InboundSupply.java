package io.backorder.inventory;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Units of a SKU on their way on one purchase-order line, with the supplier's ETA. */
@Entity
@Table(name = "inbound_supply")
public class InboundSupply {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String sku;

    @Column(name = "location_id", nullable = false)
    public String locationId;

    @Column(name = "purchase_order_id", nullable = false)
    public String purchaseOrderId;

    @Column(name = "purchase_order_line_id", nullable = false)
    public String purchaseOrderLineId;

    @Column(nullable = false)
    public int quantity;

    @Column(nullable = false)
    public int received;

    public LocalDate eta;

    @Column(nullable = false)
    public boolean confirmed;

    @Column(nullable = false)
    public String status;

    public int openQuantity() {
        return "OPEN".equals(status) ? quantity - received : 0;
    }

    public PromiseCalculator.Supply asSupply() {
        return new PromiseCalculator.Supply(eta, openQuantity(), confirmed);
    }
}
