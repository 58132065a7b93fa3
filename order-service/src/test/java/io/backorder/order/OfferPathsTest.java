package io.backorder.order;

import static io.backorder.order.BackorderPathTest.backordered;
import static io.backorder.order.Scenario.awaitView;
import static io.backorder.order.Scenario.line;
import static io.backorder.order.Scenario.lineId;
import static io.backorder.order.Scenario.order;
import static io.backorder.order.Scenario.ship;
import static io.backorder.order.Scenario.view;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.backorder.contracts.Addresses;
import io.backorder.contracts.Envelope;
import io.backorder.contracts.inventory.FindSubstitutes;
import io.backorder.contracts.inventory.PromiseConfidence;
import io.backorder.contracts.inventory.PromiseDateChanged;
import io.backorder.contracts.inventory.ReleaseStock;
import io.backorder.contracts.inventory.ReserveStock;
import io.backorder.contracts.inventory.StockReserved;
import io.backorder.contracts.inventory.SubstitutesFound;
import io.backorder.contracts.notification.ApplyCustomerDecision;
import io.backorder.contracts.notification.CustomerMessageKind;
import io.backorder.contracts.notification.CustomerNotified;
import io.backorder.contracts.notification.LinkAction;
import io.backorder.contracts.notification.OfferOptionKind;
import io.backorder.contracts.notification.SendCustomerMessage;
import io.backorder.infra.EmbeddedBroker;
import io.backorder.support.messaging.MessageCodec;
import io.backorder.testing.InjectBroker;
import io.backorder.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A promise slips too far: the customer gets an offer (alternatives, a consolation, ship what is ready, cancel) and
 * decides through notification-service, or the offer expires into the shop's default.
 */
@QuarkusTest
class OfferPathsTest {

    @InjectBroker
    EmbeddedBroker broker;

    @Inject
    MessageCodec codec;

    @Inject
    TestClock clock;

    Scenario scenario;

    /** A ship-complete order: a backordered line (D, 2 x 50.00) and an in-stock line (E). */
    record Slipped(UUID orderId, UUID waiting, UUID ready, UUID offerId, LocalDate newPromise) {
    }

    @BeforeEach
    void scenario() {
        scenario = new Scenario(broker, codec);
    }

    @Test
    void aSlipMakesAnOfferWithEveryOptionThatApplies() {
        Slipped slipped = slip("OF-A");

        JsonPath view = view(slipped.orderId());
        assertThat(view.getString("openOffer.status")).isEqualTo("OPEN");
        assertThat(view.getString("openOffer.reason")).contains("slipped 20 days", "more than the 7 days");
        assertThat(view.getList("openOffer.options.kind")).containsExactly("KEEP_WAITING", "TAKE_ALTERNATIVE",
                "SHIP_AVAILABLE_NOW", "CANCEL_WITH_REFUND");
        assertThat(view.getString("openOffer.defaultOption")).isEqualTo("KEEP_WAITING");
        assertThat(view.getList("lines[0].promiseHistory")).hasSize(1);
        SendCustomerMessage offer = scenario.awaitSent(Addresses.NOTIFICATION_INBOX, SendCustomerMessage.class,
                slipped.orderId(), m -> m.kind() == CustomerMessageKind.OFFER);
        assertThat(offer.allowedActions()).containsExactly(LinkAction.DECIDE_OFFER);
        assertThat(offer.offer().offerId()).isEqualTo(slipped.offerId());
        assertThat(offer.offer().options()).extracting(o -> o.kind())
                .contains(OfferOptionKind.TAKE_ALTERNATIVE);
        assertThat(offer.offer().options()).filteredOn(o -> o.kind() == OfferOptionKind.TAKE_ALTERNATIVE)
                .singleElement()
                .satisfies(o -> {
                    assertThat(o.alternativeSku()).isEqualTo("OF-A-ALT");
                    assertThat(o.amount()).isEqualByComparingTo("-10.00");
                });
        assertThat(offer.order().lines().get(0).promiseDate()).isEqualTo(slipped.newPromise());
        given().auth()
                .oauth2(Tokens.operator())
                .queryParam("kind", "OFFER_EXPIRY")
                .queryParam("size", 500)
                .get("/operator/deadlines")
                .then()
                .statusCode(200)
                .body("referenceId", hasItem(slipped.offerId().toString()));

        scenario.reply(new CustomerNotified(slipped.orderId(), CustomerMessageKind.OFFER, "offer-key", "DELIVERED",
                "EMAIL,SMS"));
        assertThat(awaitView(slipped.orderId(), v -> v.getList("timeline.type").contains("customer.notified"))
                .getList("timeline.detail")).contains("OFFER: DELIVERED via EMAIL,SMS");
    }

    @Test
    void keepingWaitingTakesTheDiscountOffBeforeCapture() {
        Slipped slipped = slip("OF-B");

        decide(slipped, OfferOptionKind.KEEP_WAITING, null);

        JsonPath view = awaitView(slipped.orderId(), v -> "ACCEPTED".equals(v.getString("offers[0].status")));
        assertThat(view.getDouble("lines[0].discount")).isEqualTo(10.00);
        assertThat(view.getDouble("lines[0].amount")).isEqualTo(90.00);
        assertThat(view.getString("openOffer")).isNull();
        assertThat(view.getList("timeline.type")).contains("offer.accepted", "payment.discount_granted");
    }

    @Test
    void takingTheAlternativeReplacesTheLine() {
        Slipped slipped = slip("OF-C");

        decide(slipped, OfferOptionKind.TAKE_ALTERNATIVE, "OF-C-ALT");

        ReleaseStock release = scenario.awaitCommand(ReleaseStock.class, slipped.orderId());
        assertThat(release.lineIds()).containsExactly(slipped.waiting());
        assertThat(release.reason()).as("demand lost to the delay")
                .isEqualTo(
                        ReleaseStock.REASON_CUSTOMER_DECLINED_DELAY);
        ReserveStock reserve = scenario.awaitCommand(ReserveStock.class, slipped.orderId(),
                command -> command.lines().get(0).sku().equals("OF-C-ALT"));
        UUID replacement = reserve.lines().get(0).lineId();
        scenario.reply(new StockReserved(slipped.orderId(), replacement, "OF-C-ALT", 2, "wh-1"));

        JsonPath view = awaitView(slipped.orderId(), v -> v.getList("lines").size() == 3
                && "RESERVED".equals(v.getString("lines[2].state")));
        assertThat(view.getString("lines[0].state")).isEqualTo("SUBSTITUTED");
        assertThat(view.getString("lines[0].substitutedBy")).isEqualTo(replacement.toString());
        assertThat(view.getString("lines[2].substituteFor")).isEqualTo(slipped.waiting().toString());
        assertThat(view.getDouble("lines[2].unitPrice")).isEqualTo(45.00);
        JsonPath held = awaitView(slipped.orderId(), v -> v.getList("payment.holds.status").contains("ACTIVE")
                && !v.getBoolean("payment.processing"));
        assertThat(held.getBoolean("readyToShip")).as("nothing waits any more").isTrue();
    }

    @Test
    void shippingWhatIsAvailableLiftsShipComplete() {
        Slipped slipped = slip("OF-D");
        assertThat(view(slipped.orderId()).getBoolean("readyToShip")).isFalse();

        decide(slipped, OfferOptionKind.SHIP_AVAILABLE_NOW, null);

        JsonPath view = awaitView(slipped.orderId(), v -> "SHIP_AVAILABLE".equals(v.getString("shipping")));
        assertThat(view.getBoolean("readyToShip")).isTrue();
        ship(slipped.orderId(), "ready-part", Map.of(slipped.ready(), 1));
        JsonPath shipped = awaitView(slipped.orderId(), v -> "SHIPPED".equals(v.getString("lines[1].state")));
        assertThat(shipped.getString("lines[0].state")).isEqualTo("BACKORDERED");
    }

    @Test
    void cancellingTheDelayedItemReleasesItsStock() {
        Slipped slipped = slip("OF-E");

        decide(slipped, OfferOptionKind.CANCEL_WITH_REFUND, null);

        JsonPath view = awaitView(slipped.orderId(), v -> "CANCELLED".equals(v.getString("lines[0].state")));
        assertThat(view.getString("lines[1].state")).isEqualTo("RESERVED");
        ReleaseStock release = scenario.awaitCommand(ReleaseStock.class, slipped.orderId());
        assertThat(release.lineIds()).containsExactly(slipped.waiting());
        assertThat(release.reason()).isEqualTo(ReleaseStock.REASON_CUSTOMER_DECLINED_DELAY);
        scenario.awaitSent(Addresses.NOTIFICATION_INBOX, SendCustomerMessage.class, slipped.orderId(),
                m -> m.kind() == CustomerMessageKind.CANCELLED_AND_REFUNDED);
        assertThat(view.getBoolean("readyToShip")).isTrue();
    }

    @Test
    void anUnansweredOfferIsRemindedThenExpiresIntoTheDefault() {
        Slipped slipped = slip("OF-F");

        clock.advance(Duration.ofDays(2).plusHours(1));
        scenario.awaitSent(Addresses.NOTIFICATION_INBOX, SendCustomerMessage.class, slipped.orderId(),
                m -> m.kind() == CustomerMessageKind.OFFER_REMINDER && m.offer() != null);
        clock.advance(Duration.ofDays(1));

        JsonPath expired = awaitView(slipped.orderId(), v -> "EXPIRED".equals(v.getString("offers[0].status")));
        assertThat(expired.getString("offers[0].chosenOption")).isEqualTo("KEEP_WAITING");
        assertThat(expired.getDouble("lines[0].discount")).isEqualTo(10.00);
        scenario.awaitSent(Addresses.NOTIFICATION_INBOX, SendCustomerMessage.class, slipped.orderId(),
                m -> m.kind() == CustomerMessageKind.OFFER_EXPIRED);

        decide(slipped, OfferOptionKind.CANCEL_WITH_REFUND, null);
        JsonPath late = awaitView(slipped.orderId(), v -> v.getList("timeline.type")
                .contains(
                        "offer.decision_rejected"));
        assertThat(late.getString("lines[0].state")).as("a decision after expiry changes nothing")
                .isEqualTo("BACKORDERED");
    }

    @Test
    void aDecisionDeliveredTwiceIsAppliedOnce() {
        Slipped slipped = slip("OF-G");
        Envelope decision = scenario.reply(new ApplyCustomerDecision(slipped.orderId(), slipped.offerId(),
                UUID.randomUUID(), OfferOptionKind.KEEP_WAITING, slipped.waiting(), null));
        awaitView(slipped.orderId(), v -> "ACCEPTED".equals(v.getString("offers[0].status")));

        scenario.send(decision);
        scenario.reply(codec.payload(decision, ApplyCustomerDecision.class));
        scenario.reply(new PromiseDateChanged(slipped.orderId(), slipped.waiting(), "OF-G", slipped.newPromise(),
                slipped.newPromise().plusDays(1), PromiseConfidence.LOW, "marker"));

        JsonPath view = awaitView(slipped.orderId(), v -> v.getList("timeline.type")
                .contains(
                        "line.promise_changed")
                && v.getString("lines[0].promiseDate")
                        .equals(slipped.newPromise()
                                .plusDays(1)
                                .toString()));
        assertThat(view.getDouble("lines[0].discount")).isEqualTo(10.00);
        assertThat(view.getList("timeline.type")).filteredOn("offer.accepted"::equals).hasSize(1);
    }

    @Test
    void aPromiseAfterTheCustomersLatestAcceptableDateMakesAnOfferAtOnce() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        UUID orderId = scenario.place(order("SHIP_AVAILABLE", "pm_card_visa", today.plusDays(10).toString(),
                List.of(line("OF-H", 1, "30.00"))));
        ReserveStock reserve = scenario.awaitCommand(ReserveStock.class, orderId);
        assertThat(reserve.latestAcceptableDate()).isEqualTo(today.plusDays(10));
        scenario.reply(backordered(orderId, reserve.lines().get(0).lineId(), "OF-H", 0, 1, today.plusDays(14)));

        FindSubstitutes search = scenario.awaitCommand(FindSubstitutes.class, orderId);
        assertThat(search.sku()).isEqualTo("OF-H");
        scenario.reply(new SubstitutesFound(orderId, search.lineId(), "OF-H", List.of()));
        JsonPath view = awaitView(orderId, v -> v.get("openOffer") != null);
        assertThat(view.getString("openOffer.reason")).contains("latest acceptable date");
        assertThat(view.getList("openOffer.options.kind")).containsExactly("KEEP_WAITING", "CANCEL_WITH_REFUND");
    }

    private Slipped slip(String sku) {
        UUID orderId = scenario.place(order("SHIP_COMPLETE", "pm_card_visa", List.of(line(sku, 2, "50.00"),
                line(sku + "-READY", 1, "15.00"))));
        ReserveStock reserve = scenario.awaitCommand(ReserveStock.class, orderId);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        UUID waiting = reserve.lines().get(0).lineId();
        UUID ready = reserve.lines().get(1).lineId();
        scenario.reply(backordered(orderId, waiting, sku, 0, 2, today.plusDays(20)));
        scenario.reply(new StockReserved(orderId, ready, sku + "-READY", 1, "wh-1"));
        awaitView(orderId, v -> "OPEN".equals(v.getString("status")) && !v.getBoolean("payment.processing")
                && v.getList("payment.holds.status").contains("ACTIVE"));

        LocalDate newPromise = today.plusDays(40);
        scenario.reply(new PromiseDateChanged(orderId, waiting, sku, today.plusDays(20), newPromise,
                PromiseConfidence.LOW, "supplier moved the ETA"));
        FindSubstitutes search = scenario.awaitCommand(FindSubstitutes.class, orderId);
        assertThat(search.quantity()).isEqualTo(2);
        scenario.reply(new SubstitutesFound(orderId, waiting, sku, List.of(
                new SubstitutesFound.Substitute(sku + "-ALT", "Alternative " + sku, new BigDecimal("45.00"), 9))));
        JsonPath offered = awaitView(orderId, v -> v.get("openOffer") != null);
        assertThat(lineId(offered, 0)).isEqualTo(waiting);
        return new Slipped(orderId, waiting, ready, UUID.fromString(offered.getString("openOffer.id")),
                newPromise);
    }

    private void decide(Slipped slipped, OfferOptionKind option, String alternativeSku) {
        scenario.reply(new ApplyCustomerDecision(slipped.orderId(), slipped.offerId(), UUID.randomUUID(), option,
                slipped.waiting(), alternativeSku));
    }
}
