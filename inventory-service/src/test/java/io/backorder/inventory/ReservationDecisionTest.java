package io.backorder.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import io.backorder.contracts.inventory.BackorderKind;
import io.backorder.contracts.inventory.RejectionReason;
import io.backorder.property.Draw;
import io.backorder.property.PropertyTest;

class ReservationDecisionTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 2, 1);

    /** A request for {@code quantity} units of {@code sku} while {@code available} are free. */
    record Request(Sku sku, int quantity, int available, boolean shipComplete, int waiting, int inbound) {

        /** A cap of -1 means none; a launch date only for preorder SKUs. */
        static Request draw(Draw draw, int minAvailable) {
            Sku sku = new Sku();
            sku.sku = "X";
            sku.backorderPolicy = draw.oneOf(BackorderPolicy.class);
            int cap = draw.between(-1, 30);
            sku.backorderCap = cap < 0 ? null : cap;
            sku.capToInbound = draw.bool();
            int launchInDays = draw.between(-5, 5);
            sku.launchDate = sku.backorderPolicy == BackorderPolicy.PREORDER ? TODAY.plusDays(launchInDays) : null;
            return new Request(sku, draw.between(1, 20), draw.between(minAvailable, 30), draw.bool(),
                    draw.between(0, 40), draw.between(0, 40));
        }

        ReservationDecision decide(int waiting, int inbound) {
            return ReservationDecision.decide(sku, quantity, available, shipComplete, waiting, inbound, TODAY);
        }
    }

    @PropertyTest
    void neverReservesMoreThanIsAvailableAndAccountsForEveryUnit(Draw draw) {
        Request request = Request.draw(draw, -2);

        ReservationDecision decision = request.decide(request.waiting(), request.inbound());

        assertThat(decision.reserve()).isBetween(0, Math.max(0, request.available()));
        if (decision.rejected()) {
            assertThat(decision.reserve() + decision.backorder()).isZero();
        } else {
            assertThat(decision.reserve() + decision.backorder()).isEqualTo(request.quantity());
        }
        if (request.shipComplete() && decision.backorder() > 0) {
            assertThat(decision.reserve()).isZero();
        }
        if (request.sku().backorderPolicy == BackorderPolicy.DENY && request.available() < request.quantity()) {
            assertThat(decision.rejection()).isEqualTo(RejectionReason.OUT_OF_STOCK);
        }
        if (request.sku().isPreorderOn(TODAY) && !decision.rejected()) {
            assertThat(decision.kind()).isEqualTo(BackorderKind.PREORDER);
        }
    }

    /** The reservation skips reading waiting and inbound units when this says so: they must not matter then. */
    @PropertyTest
    void capFactsAreNeededWheneverTheyChangeTheDecision(Draw draw) {
        Request request = Request.draw(draw, 0);

        if (!ReservationDecision.needsCapFacts(request.sku(), request.quantity(), request.available(), TODAY)) {
            assertThat(request.decide(request.waiting(), request.inbound())).isEqualTo(request.decide(0, 0));
        }
    }
}
