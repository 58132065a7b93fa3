package io.backorder.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.backorder.support.rest.ConflictProblem;
import io.backorder.support.rest.UnprocessableProblem;

/** The guarded life of a purchase-order line and how its order's status follows. */
class PurchaseOrderLineTest {

    static final LocalDate TODAY = LocalDate.of(2025, 3, 3);

    @Test
    void issuedConfirmedPartiallyShippedShippedReceived() {
        PurchaseOrderLine line = line(10, false);
        PurchaseOrder po = order(line);

        line.confirm(TODAY.plusDays(5), TODAY);
        po.refresh(List.of(line), Instant.now());
        assertThat(line.status).isEqualTo(LineStatus.CONFIRMED);
        assertThat(po.confirmedAt).isNotNull();
        assertThat(line.promisedDate).isEqualTo(TODAY.plusDays(5));
        assertThat(po.status).isEqualTo(PurchaseOrderStatus.CONFIRMED);

        line.ship(4, TODAY);
        po.refresh(List.of(line), Instant.now());
        assertThat(line.status).isEqualTo(LineStatus.PARTIALLY_SHIPPED);
        assertThat(po.status).isEqualTo(PurchaseOrderStatus.PARTIALLY_SHIPPED);

        assertThat(line.setEta(TODAY.plusDays(8), TODAY)).isEqualTo(EtaChangeKind.CHANGED);
        assertThat(line.setEta(TODAY.plusDays(8), TODAY)).as("the same ETA again is no change").isNull();
        assertThat(line.promisedDate).as("the first promise is what statistics measure")
                .isEqualTo(TODAY
                        .plusDays(5));

        line.ship(6, TODAY);
        po.refresh(List.of(line), Instant.now());
        assertThat(line.status).isEqualTo(LineStatus.SHIPPED);
        assertThat(po.status).isEqualTo(PurchaseOrderStatus.SHIPPED);

        line.receive(10, TODAY.plusDays(6));
        po.refresh(List.of(line), Instant.now());
        assertThat(line.status).isEqualTo(LineStatus.RECEIVED);
        assertThat(line.settledOn).isEqualTo(TODAY.plusDays(6));
        assertThat(po.status).isEqualTo(PurchaseOrderStatus.RECEIVED);
        assertThat(line.outcome()).isEqualTo(new DeliveryOutcome("s", "SKU", TODAY, TODAY.plusDays(5),
                TODAY.plusDays(6), 10, 10));
    }

    @Test
    void illegalStepsAreRefusedAndChangeNothing() {
        PurchaseOrderLine line = line(10, false);
        assertThatThrownBy(() -> line.ship(1, TODAY)).isInstanceOf(ConflictProblem.class);
        assertThatThrownBy(() -> line.setEta(TODAY.minusDays(1), TODAY)).isInstanceOf(UnprocessableProblem.class)
                .hasMessageContaining("in the past");
        assertThat(line.status).isEqualTo(LineStatus.ISSUED);
        assertThat(line.etaConfirmed).isFalse();

        line.confirm(TODAY, TODAY);
        assertThatThrownBy(() -> line.confirm(TODAY.plusDays(1), TODAY)).isInstanceOf(ConflictProblem.class);
        assertThatThrownBy(() -> line.ship(11, TODAY)).isInstanceOf(UnprocessableProblem.class)
                .hasMessageContaining("10 units left");
        assertThat(line.shipped).isZero();

        line.cancelUnshipped(CancelCause.DECLINED, TODAY);
        assertThat(line.status).isEqualTo(LineStatus.CANCELLED);
        assertThatThrownBy(() -> line.cancelUnshipped(CancelCause.DECLINED, TODAY))
                .isInstanceOf(ConflictProblem.class);
        assertThatThrownBy(() -> line.setEta(TODAY.plusDays(3), TODAY)).isInstanceOf(ConflictProblem.class);
    }

    @Test
    void decliningTheRestOfAPartlyShippedLineClosesTheOrderOnceTheShippedUnitsArrive() {
        PurchaseOrderLine line = line(10, false);
        PurchaseOrder po = order(line);
        line.confirm(TODAY.plusDays(2), TODAY);
        line.ship(3, TODAY);

        assertThat(line.cancelUnshipped(CancelCause.DECLINED, TODAY)).isEqualTo(7);
        po.refresh(List.of(line), Instant.now());
        assertThat(line.status).isEqualTo(LineStatus.SHIPPED);
        assertThat(line.undelivered()).isEqualTo(3);

        line.receive(3, TODAY.plusDays(2));
        po.refresh(List.of(line), Instant.now());
        assertThat(line.status).isEqualTo(LineStatus.RECEIVED);
        assertThat(po.status).isEqualTo(PurchaseOrderStatus.CLOSED);
        assertThat(line.outcome().ordered()).as("declined units count against the supplier").isEqualTo(10);
        assertThat(po.status.canMoveTo(PurchaseOrderStatus.CONFIRMED)).isFalse();
    }

    @Test
    void receiptsAreFactsEvenWithoutConfirmationOrShipmentAdvice() {
        PurchaseOrderLine line = line(10, false);
        PurchaseOrder po = order(line);

        line.receive(4, TODAY);
        po.refresh(List.of(line), Instant.now());
        assertThat(line.status).isEqualTo(LineStatus.PARTIALLY_SHIPPED);
        assertThat(line.shipped).isEqualTo(4);
        assertThat(po.status).isEqualTo(PurchaseOrderStatus.PARTIALLY_SHIPPED);
        assertThatThrownBy(() -> po.require("confirmed", PurchaseOrderStatus.ISSUED))
                .isInstanceOf(ConflictProblem.class);

        line.receive(8, TODAY);
        assertThat(line.status).isEqualTo(LineStatus.RECEIVED);
        assertThat(line.received).isEqualTo(12);
        assertThat(line.shipped).isEqualTo(10);
    }

    @Test
    void aDropshipLineIsDoneOnceShippedToTheCustomer() {
        PurchaseOrderLine line = line(2, true);
        line.confirm(TODAY.plusDays(3), TODAY);

        line.ship(2, TODAY.plusDays(1));

        assertThat(line.status).isEqualTo(LineStatus.RECEIVED);
        assertThat(line.lastDeliveredOn).isEqualTo(TODAY.plusDays(1));
        assertThat(line.outcome().delivered()).isEqualTo(2);
    }

    @Test
    void buyerCancellationsDoNotCountAgainstTheSupplier() {
        PurchaseOrderLine line = line(10, false);
        PurchaseOrder po = order(line);

        line.cancelUnshipped(CancelCause.BUYER, TODAY);
        po.refresh(List.of(line), Instant.now());

        assertThat(po.status).isEqualTo(PurchaseOrderStatus.CANCELLED);
        assertThat(line.outcome().ordered()).isZero();
    }

    static PurchaseOrderLine line(int quantity, boolean dropship) {
        PurchaseOrderLine line = new PurchaseOrderLine();
        line.id = "PO-1-1";
        line.purchaseOrderId = "PO-1";
        line.supplierId = "s";
        line.lineNumber = 1;
        line.dropship = dropship;
        line.sku = "SKU";
        line.quantity = quantity;
        line.unitPrice = BigDecimal.TEN;
        line.demandId = "d";
        line.needBy = TODAY.plusDays(5);
        line.expectedDate = TODAY.plusDays(5);
        line.eta = TODAY.plusDays(5);
        line.status = LineStatus.ISSUED;
        line.issuedOn = TODAY;
        return line;
    }

    static PurchaseOrder order(PurchaseOrderLine line) {
        PurchaseOrder po = new PurchaseOrder();
        po.id = line.purchaseOrderId;
        po.status = PurchaseOrderStatus.ISSUED;
        return po;
    }
}
