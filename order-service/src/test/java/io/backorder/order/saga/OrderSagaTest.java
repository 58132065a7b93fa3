package io.backorder.order.saga;

import static io.backorder.order.saga.Policies.START;
import static io.backorder.order.saga.Policies.harness;
import static io.backorder.order.saga.Policies.line;
import static io.backorder.order.saga.Policies.order;
import static io.backorder.order.saga.ProviderModel.Outcome.APPROVE;
import static io.backorder.order.saga.ProviderModel.Outcome.DECLINE;
import static io.backorder.order.saga.SagaHarness.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.backorder.contracts.inventory.BackorderKind;
import io.backorder.contracts.inventory.FindSubstitutes;
import io.backorder.contracts.inventory.LineBackordered;
import io.backorder.contracts.inventory.PromiseConfidence;
import io.backorder.contracts.inventory.PromiseDateChanged;
import io.backorder.contracts.inventory.ReleaseStock;
import io.backorder.contracts.inventory.ReserveStock;
import io.backorder.contracts.inventory.ShipReservedStock;
import io.backorder.contracts.inventory.StockAllocated;
import io.backorder.contracts.inventory.StockReserved;
import io.backorder.contracts.inventory.SubstitutesFound;
import io.backorder.contracts.notification.ApplyCustomerDecision;
import io.backorder.contracts.notification.CustomerMessageKind;
import io.backorder.contracts.notification.OfferOptionKind;
import io.backorder.order.CaptureStatus;
import io.backorder.order.ConsolationKind;
import io.backorder.order.HoldStatus;
import io.backorder.order.IllegalTransitionException;
import io.backorder.order.LineState;
import io.backorder.order.Offer;
import io.backorder.order.OfferStatus;
import io.backorder.order.OrderLine;
import io.backorder.order.OrderStatus;
import io.backorder.order.PaymentAction;
import io.backorder.order.PaymentMethodStatus;
import io.backorder.order.PaymentOperationKind;
import io.backorder.order.ShipmentStatus;
import io.backorder.order.ShippingPreference;

/** The saga's decisions, one path at a time, without infrastructure (the service tests run the same paths for real). */
class OrderSagaTest {

    private static final LocalDate TODAY = LocalDate.of(2030, 3, 1);

    @Test
    void inStockLinesAreAuthorizedAtOnceAndCapturedPerShipment() {
        SagaHarness h = harness(order(ShippingPreference.SHIP_AVAILABLE, line("A", 3, "20.00")));
        assertThat(h.sent(ReserveStock.class)).hasSize(1);
        reserved(h, 0);

        assertThat(h.order.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(h.pending).singleElement().satisfies(op -> {
            assertThat(op.kind).isEqualTo(PaymentOperationKind.AUTHORIZE);
            assertThat(op.amount).isEqualByComparingTo("60.00");
        });
        h.answer(0, APPROVE);

        ship(h, "S1", 0, 1);
        assertThat(h.pending).singleElement().satisfies(op -> assertThat(op.amount).isEqualByComparingTo("20.00"));
        h.answer(0, APPROVE);
        assertThat(h.sent(ShipReservedStock.class)).singleElement()
                .satisfies(command -> assertThat(command.quantity()).isEqualTo(1));
        assertThat(h.line(0).state()).isEqualTo(LineState.PARTIALLY_SHIPPED);

        ship(h, "S2", 0, 2);
        h.answer(0, APPROVE);

        assertThat(h.line(0).state()).isEqualTo(LineState.SHIPPED);
        assertThat(h.order.capturedTotal()).isEqualByComparingTo("60.00");
        assertThat(h.order.holds()).singleElement()
                .satisfies(hold -> assertThat(hold.status())
                        .isEqualTo(HoldStatus.RELEASED));
        assertThat(h.order.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(h.notices).extracting(CustomerNotice::kind).containsOnly(CustomerMessageKind.SHIPPED);
        h.assertMoneyInvariants();
    }

    @Test
    void aBackorderBeyondTheWindowIsOnlyVerifiedAndAuthorizedWhenStockIsAllocated() {
        SagaHarness h = harness(order(ShippingPreference.SHIP_AVAILABLE, line("B", 2, "30.00")));
        backordered(h, 0, 0, 2, TODAY.plusDays(20));

        assertThat(h.pending).singleElement()
                .satisfies(op -> assertThat(op.kind).isEqualTo(
                        PaymentOperationKind.VERIFY));
        assertThat(h.notices).extracting(CustomerNotice::kind).contains(CustomerMessageKind.BACKORDER_CONFIRMATION);
        h.answer(0, APPROVE);
        assertThat(h.order.paymentMethodStatus()).isEqualTo(PaymentMethodStatus.VERIFIED);
        assertThat(h.order.holds()).isEmpty();

        h.step(step -> h.saga.onStockAllocated(step, new StockAllocated(h.order.id(), h.line(0).id(), "B", 2, 0,
                "wh", 12.5, "gold customer")));

        assertThat(h.line(0).state()).isEqualTo(LineState.ALLOCATED);
        assertThat(h.pending).singleElement().satisfies(op -> {
            assertThat(op.kind).isEqualTo(PaymentOperationKind.AUTHORIZE);
            assertThat(op.amount).isEqualByComparingTo("60.00");
        });
        assertThat(h.notices).extracting(CustomerNotice::kind).contains(CustomerMessageKind.ALLOCATED);
    }

    @Test
    void aBackorderPromisedWithinTheWindowIsAuthorizedAtOnce() {
        SagaHarness h = harness(order(ShippingPreference.SHIP_AVAILABLE, line("C", 1, "10.00")));
        backordered(h, 0, 0, 1, TODAY.plusDays(5));

        assertThat(h.pending).singleElement()
                .satisfies(op -> assertThat(op.kind).isEqualTo(
                        PaymentOperationKind.AUTHORIZE));
    }

    @Test
    void aSlipBeyondTheThresholdMakesAnOfferWithTheOptionsThatApply() {
        SagaHarness h = harness(order(ShippingPreference.SHIP_COMPLETE, line("D", 1, "50.00"),
                line("E", 1, "20.00")));
        backordered(h, 0, 0, 1, TODAY.plusDays(20));
        reserved(h, 1);
        h.answerAll(APPROVE);

        slip(h, 0, TODAY.plusDays(30));

        assertThat(h.sent(FindSubstitutes.class)).singleElement()
                .satisfies(search -> assertThat(search.sku()).isEqualTo("D"));
        h.step(step -> h.saga.onSubstitutesFound(step, new SubstitutesFound(h.order.id(), h.line(0).id(), "D",
                List.of(new SubstitutesFound.Substitute("D2", "Item D2", new BigDecimal("45.00"), 5),
                        new SubstitutesFound.Substitute("D3", "Too few", new BigDecimal("40.00"), 0)))));

        Offer offer = h.order.openOffer().orElseThrow();
        assertThat(offer.options()).extracting(o -> o.kind())
                .containsExactly(OfferOptionKind.KEEP_WAITING, OfferOptionKind.TAKE_ALTERNATIVE,
                        OfferOptionKind.SHIP_AVAILABLE_NOW, OfferOptionKind.CANCEL_WITH_REFUND);
        assertThat(offer.option(OfferOptionKind.KEEP_WAITING, null).orElseThrow().amount())
                .isEqualByComparingTo("5.00");
        assertThat(offer.option(OfferOptionKind.TAKE_ALTERNATIVE, "D2").orElseThrow().amount())
                .isEqualByComparingTo("-5.00");
        assertThat(h.notices).filteredOn(n -> n.kind() == CustomerMessageKind.OFFER)
                .singleElement()
                .satisfies(n -> assertThat(n.offerId()).isEqualTo(offer.id()));
    }

    @Test
    void expensiveItemsMayWaitLongerBeforeAnOffer() {
        SagaHarness h = harness(order(ShippingPreference.SHIP_AVAILABLE, line("P", 1, "150.00")));
        backordered(h, 0, 0, 1, TODAY.plusDays(20));
        h.answerAll(APPROVE);

        slip(h, 0, TODAY.plusDays(30));

        assertThat(h.order.offers()).isEmpty();
        assertThat(h.notices).extracting(CustomerNotice::kind).contains(CustomerMessageKind.PROMISE_DATE_CHANGED);
        slip(h, 0, TODAY.plusDays(40));
        assertThat(h.order.offers()).hasSize(1);
    }

    @Test
    void keepingWaitingGrantsTheDiscountBeforeAnythingIsCaptured() {
        SagaHarness h = harness(order(ShippingPreference.SHIP_AVAILABLE, line("F", 2, "25.00")));
        backordered(h, 0, 0, 2, TODAY.plusDays(20));
        h.answerAll(APPROVE);
        Offer offer = offerWithoutAlternatives(h, 0, TODAY.plusDays(40));

        decide(h, offer, OfferOptionKind.KEEP_WAITING, null);

        assertThat(offer.status()).isEqualTo(OfferStatus.ACCEPTED);
        assertThat(h.line(0).chargeable()).isEqualByComparingTo("45.00");
        h.step(step -> h.saga.onStockAllocated(step, new StockAllocated(h.order.id(), h.line(0).id(), "F", 2, 0,
                "wh", 1, "")));
        assertThat(h.pending).singleElement().satisfies(op -> assertThat(op.amount).isEqualByComparingTo("45.00"));
        h.answerAll(APPROVE);
        ship(h, "S1", 0, 2);
        h.answerAll(APPROVE);
        assertThat(h.order.capturedTotal()).isEqualByComparingTo("45.00");
        assertThat(h.order.refundedTotal()).isEqualByComparingTo("0");
        h.assertMoneyInvariants();
    }

    @Test
    void aVoucherIsGrantedWhenTheShopConsolesWithVouchers() {
        SagaHarness h = new SagaHarness(Policies.withConsolation(ConsolationKind.VOUCHER), Policies.HOLD,
                order(ShippingPreference.SHIP_AVAILABLE, line("V", 1, "25.00")), START);
        backordered(h, 0, 0, 1, TODAY.plusDays(20));
        h.answerAll(APPROVE);
        Offer offer = offerWithoutAlternatives(h, 0, TODAY.plusDays(40));

        decide(h, offer, OfferOptionKind.KEEP_WAITING, null);

        assertThat(offer.voucherCode()).startsWith("BO-");
        assertThat(h.line(0).discount()).isEqualByComparingTo("0");
    }

    @Test
    void takingAnAlternativeReplacesTheLineAndReservesTheNewOne() {
        SagaHarness h = harness(order(ShippingPreference.SHIP_AVAILABLE, line("G", 1, "40.00")));
        backordered(h, 0, 0, 1, TODAY.plusDays(20));
        h.answerAll(APPROVE);
        slip(h, 0, TODAY.plusDays(40));
        h.step(step -> h.saga.onSubstitutesFound(step, new SubstitutesFound(h.order.id(), h.line(0).id(), "G",
                List.of(new SubstitutesFound.Substitute("G2", "Better G", new BigDecimal("55.00"), 3)))));
        Offer offer = h.order.openOffer().orElseThrow();

        decide(h, offer, OfferOptionKind.TAKE_ALTERNATIVE, "G2");

        assertThat(h.line(0).state()).isEqualTo(LineState.SUBSTITUTED);
        OrderLine replacement = h.line(1);
        assertThat(replacement.sku()).isEqualTo("G2");
        assertThat(replacement.unitPrice()).as("the customer never pays more than agreed")
                .isEqualByComparingTo(
                        "40.00");
        assertThat(h.sent(ReleaseStock.class)).singleElement()
                .satisfies(release -> assertThat(release.lineIds()).containsExactly(h.line(0).id()));
        assertThat(h.sent(ReserveStock.class).get(1).lines()).singleElement()
                .satisfies(l -> assertThat(l.sku()).isEqualTo("G2"));
        h.step(step -> h.saga.onReservation(step, new StockReserved(h.order.id(), replacement.id(), "G2", 1, "wh")));
        assertThat(h.pending).singleElement().satisfies(op -> {
            assertThat(op.kind).isEqualTo(PaymentOperationKind.AUTHORIZE);
            assertThat(op.amount).isEqualByComparingTo("40.00");
        });
    }

    @Test
    void shipAvailableNowLiftsShipComplete() {
        SagaHarness h = harness(order(ShippingPreference.SHIP_COMPLETE, line("H", 1, "10.00"),
                line("I", 1, "10.00")));
        reserved(h, 0);
        backordered(h, 1, 0, 1, TODAY.plusDays(20));
        h.answerAll(APPROVE);
        assertThatThrownBy(() -> ship(h, "early", 0, 1)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("ships complete");
        Offer offer = offerWithoutAlternatives(h, 1, TODAY.plusDays(40));

        decide(h, offer, OfferOptionKind.SHIP_AVAILABLE_NOW, null);

        assertThat(h.order.shipComplete()).isFalse();
        ship(h, "S1", 0, 1);
        assertThat(h.order.shipments()).hasSize(1);
    }

    @Test
    void anUnansweredOfferIsRemindedAndExpiresIntoTheDefault() {
        SagaHarness h = harness(order(ShippingPreference.SHIP_AVAILABLE, line("J", 1, "20.00")));
        backordered(h, 0, 0, 1, TODAY.plusDays(20));
        h.answerAll(APPROVE);
        Offer offer = offerWithoutAlternatives(h, 0, TODAY.plusDays(40));

        h.advance(Duration.ofDays(2).plusHours(1));
        assertThat(h.notices).extracting(CustomerNotice::kind).contains(CustomerMessageKind.OFFER_REMINDER);
        assertThat(offer.status()).isEqualTo(OfferStatus.OPEN);
        h.advance(Duration.ofDays(1));

        assertThat(offer.status()).isEqualTo(OfferStatus.EXPIRED);
        assertThat(offer.chosenOption()).isEqualTo(OfferOptionKind.KEEP_WAITING);
        assertThat(h.line(0).discount()).isEqualByComparingTo("2.00");
        assertThat(h.notices).extracting(CustomerNotice::kind).contains(CustomerMessageKind.OFFER_EXPIRED);

        decide(h, offer, OfferOptionKind.CANCEL_WITH_REFUND, null);
        assertThat(h.line(0).state()).as("a late decision changes nothing").isEqualTo(LineState.BACKORDERED);
    }

    @Test
    void anOfferThatExpiresIntoACancellationTellsInventoryTheDelayCostTheSale() {
        SagaHarness h = new SagaHarness(Policies.policy(ConsolationKind.NONE, OfferOptionKind.CANCEL_WITH_REFUND),
                Policies.HOLD, order(ShippingPreference.SHIP_AVAILABLE, line("U", 1, "20.00")), START);
        backordered(h, 0, 0, 1, TODAY.plusDays(20));
        h.answerAll(APPROVE);
        offerWithoutAlternatives(h, 0, TODAY.plusDays(40));

        h.advance(Duration.ofDays(3));

        assertThat(h.line(0).state()).isEqualTo(LineState.CANCELLED);
        assertThat(h.sent(ReleaseStock.class)).singleElement()
                .satisfies(release -> assertThat(release.reason()).isEqualTo(ReleaseStock.REASON_DELAY_EXPIRED));
        h.step(step -> h.saga.onReservation(step, new StockReserved(h.order.id(), h.line(0).id(), "U", 1, "wh")));
        assertThat(h.sent(ReleaseStock.class)).as("a late reservation is released for the same reason")
                .extracting(ReleaseStock::reason)
                .containsExactly(ReleaseStock.REASON_DELAY_EXPIRED, ReleaseStock.REASON_DELAY_EXPIRED);
    }

    @Test
    void cancellingAfterCaptureRefundsEverythingAndReleasesStock() {
        SagaHarness h = harness(order(ShippingPreference.SHIP_AVAILABLE, line("K", 2, "15.00"),
                line("L", 1, "10.00")));
        reserved(h, 0);
        backordered(h, 1, 0, 1, TODAY.plusDays(30));
        h.answerAll(APPROVE);
        ship(h, "S1", 0, 1);
        h.answerAll(APPROVE);
        ship(h, "S2", 0, 1);
        h.answerAll(APPROVE);
        assertThat(h.order.capturedTotal()).isEqualByComparingTo("30.00");

        h.step(step -> h.saga.cancelOrder(step, "customer changed their mind"));
        assertThat(h.order.status()).isEqualTo(OrderStatus.CANCELLING);
        assertThat(h.pending).extracting(op -> op.kind).containsOnly(PaymentOperationKind.REFUND);
        assertThat(h.pending).extracting(op -> op.amount).containsExactly(eur("15.00"), eur("15.00"));
        h.answerAll(APPROVE);

        assertThat(h.order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(h.order.refundedTotal()).isEqualByComparingTo("30.00");
        assertThat(h.sent(ReleaseStock.class)).singleElement()
                .satisfies(release -> assertThat(release.lineIds()).containsExactly(h.line(1).id()));
        assertThat(h.notices).extracting(CustomerNotice::kind)
                .contains(CustomerMessageKind.CANCELLED_AND_REFUNDED);
        assertThat(h.deadlines).isEmpty();
        h.assertMoneyInvariants();
    }

    @Test
    void cancellingBeforeCaptureReleasesTheHold() {
        SagaHarness h = harness(order(ShippingPreference.SHIP_AVAILABLE, line("M", 1, "15.00")));
        reserved(h, 0);
        h.answerAll(APPROVE);

        h.step(step -> h.saga.cancelLine(step, h.line(0).id(), "out of stock after all"));

        assertThat(h.pending).singleElement()
                .satisfies(op -> assertThat(op.kind).isEqualTo(
                        PaymentOperationKind.RELEASE));
        h.answerAll(APPROVE);
        assertThat(h.order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(h.order.capturedTotal()).isEqualByComparingTo("0");
    }

    @Test
    void aFailedCaptureHoldsTheShipmentUntilThePaymentMethodIsUpdated() {
        SagaHarness h = harness(order(ShippingPreference.SHIP_AVAILABLE, line("N", 1, "15.00")));
        reserved(h, 0);
        h.answerAll(APPROVE);
        ship(h, "S1", 0, 1);

        h.answer(0, DECLINE);

        assertThat(h.order.shipments().get(0).status()).isEqualTo(ShipmentStatus.ON_HOLD);
        assertThat(h.order.paymentAction()).isEqualTo(PaymentAction.CAPTURE_FAILED);
        assertThat(h.notices).filteredOn(n -> n.kind() == CustomerMessageKind.PAYMENT_METHOD_UPDATE_NEEDED)
                .singleElement();
        assertThat(h.sent(ShipReservedStock.class)).isEmpty();

        h.step(step -> h.saga.onPaymentMethodUpdated(step, "pm_card_mastercard"));
        h.answerAll(APPROVE);

        assertThat(h.order.shipments().get(0).status()).isEqualTo(ShipmentStatus.CONFIRMED);
        assertThat(h.order.holds()).extracting(hold -> hold.status())
                .containsExactly(HoldStatus.RELEASED, HoldStatus.RELEASED);
        assertThat(h.order.status()).isEqualTo(OrderStatus.COMPLETED);
        h.assertMoneyInvariants();
    }

    @Test
    void withoutAnUpdateTheUnitsGoToTheNextBackorderAfterTheDeadline() {
        SagaHarness h = harness(order(ShippingPreference.SHIP_AVAILABLE, line("O", 1, "15.00")));
        reserved(h, 0);
        h.answerAll(APPROVE);
        ship(h, "S1", 0, 1);
        h.answer(0, DECLINE);

        h.advance(Duration.ofDays(3));

        assertThat(h.line(0).state()).isEqualTo(LineState.CANCELLED);
        assertThat(h.sent(ReleaseStock.class)).singleElement();
        assertThat(h.order.shipments().get(0).status()).isEqualTo(ShipmentStatus.CANCELLED);
        h.answerAll(APPROVE);
        assertThat(h.order.status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void aHoldIsRenewedBeforeItLapsesAndAnExpiredOneIsReplacedAtCapture() {
        SagaHarness h = harness(order(ShippingPreference.SHIP_AVAILABLE, line("Q", 1, "15.00")));
        reserved(h, 0);
        h.answerAll(APPROVE);

        h.advance(Duration.ofDays(6).plusHours(1));
        assertThat(h.pending).singleElement()
                .satisfies(op -> assertThat(op.kind).isEqualTo(
                        PaymentOperationKind.AUTHORIZE));
        h.answerAll(APPROVE);
        assertThat(h.order.holds()).extracting(hold -> hold.status())
                .containsExactly(HoldStatus.RELEASED, HoldStatus.ACTIVE);

        h.now = h.now.plus(Duration.ofDays(8));
        ship(h, "S1", 0, 1);
        h.answer(0, APPROVE);
        assertThat(h.order.holds().get(1).status()).isEqualTo(HoldStatus.EXPIRED);
        assertThat(h.order.captures()).extracting(c -> c.status())
                .containsExactly(CaptureStatus.LAPSED, CaptureStatus.WAITING);
        h.answerAll(APPROVE);

        assertThat(h.order.holds()).hasSize(3);
        assertThat(h.order.captures().get(1).status()).isEqualTo(CaptureStatus.SUCCEEDED);
        assertThat(h.order.status()).isEqualTo(OrderStatus.COMPLETED);
        h.assertMoneyInvariants();
    }

    @Test
    void repeatedRepliesAndAnswersChangeNothing() {
        SagaHarness h = harness(order(ShippingPreference.SHIP_AVAILABLE, line("R", 1, "15.00")));
        reserved(h, 0);
        reserved(h, 0);
        assertThat(h.pending).hasSize(1);
        h.answerAll(APPROVE);
        ship(h, "S1", 0, 1);
        h.answer(0, APPROVE);
        int pendingBefore = h.pending.size();
        BigDecimal captured = h.order.capturedTotal();

        for (int i = 0; i < h.delivered.size(); i++) {
            h.redeliver(i);
        }
        ship(h, "S1", 0, 1);

        assertThat(h.pending).hasSize(pendingBefore);
        assertThat(h.order.capturedTotal()).isEqualByComparingTo(captured);
        assertThat(h.order.shipments()).hasSize(1);
        assertThatThrownBy(() -> ship(h, "S1", 0, 2)).isInstanceOf(IllegalTransitionException.class);
        h.assertMoneyInvariants();
    }

    @Test
    void illegalRequestsAreRefused() {
        SagaHarness h = harness(order(ShippingPreference.SHIP_AVAILABLE, line("T", 1, "15.00")));
        assertThatThrownBy(() -> ship(h, "S1", 0, 1)).isInstanceOf(IllegalTransitionException.class);
        reserved(h, 0);
        assertThatThrownBy(() -> ship(h, "S1", 0, 2)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("ready to ship");
        h.step(step -> h.saga.cancelOrder(step, "test"));
        assertThatThrownBy(() -> h.step(step -> h.saga.cancelOrder(step, "again")))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> h.step(step -> h.saga.cancelLine(step, h.line(0).id(), "again")))
                .isInstanceOf(IllegalTransitionException.class);
    }

    // --- inputs ---

    static void reserved(SagaHarness h, int line) {
        OrderLine l = h.line(line);
        h.step(step -> h.saga.onReservation(step, new StockReserved(h.order.id(), l.id(), l.sku(), l.quantity(),
                "wh")));
    }

    static void backordered(SagaHarness h, int line, int reserved, int backordered, LocalDate promise) {
        OrderLine l = h.line(line);
        h.step(step -> h.saga.onReservation(step, new LineBackordered(h.order.id(), l.id(), l.sku(), reserved,
                backordered, BackorderKind.BACKORDER, promise, PromiseConfidence.MEDIUM)));
    }

    static void slip(SagaHarness h, int line, LocalDate to) {
        OrderLine l = h.line(line);
        h.step(step -> h.saga.onPromiseDateChanged(step, new PromiseDateChanged(h.order.id(), l.id(), l.sku(),
                l.promiseDate(), to, PromiseConfidence.LOW, "supplier delay")));
    }

    static void ship(SagaHarness h, String id, int line, int units) {
        h.step(step -> h.saga.requestShipment(step, id, Map.of(h.line(line).id(), units)));
    }

    static Offer offerWithoutAlternatives(SagaHarness h, int line, LocalDate to) {
        slip(h, line, to);
        OrderLine l = h.line(line);
        h.step(step -> h.saga.onSubstitutesFound(step, new SubstitutesFound(h.order.id(), l.id(), l.sku(),
                List.of())));
        return h.order.openOffer().orElseThrow();
    }

    static void decide(SagaHarness h, Offer offer, OfferOptionKind option, String sku) {
        h.step(step -> h.saga.onCustomerDecision(step, new ApplyCustomerDecision(h.order.id(), offer.id(),
                UUID.randomUUID(), option, offer.lineId(), sku)));
    }
}
