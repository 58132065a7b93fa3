package io.backorder.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.backorder.contracts.notification.CustomerContact;
import io.backorder.contracts.notification.OrderSnapshot;

/** The pure rules: promise tolerance, the gate, link and form tokens. */
class NotificationRulesTest {

    private static final UUID LINE = UUID.randomUUID();
    private static final LocalDate MARCH_12 = LocalDate.of(2031, 3, 12);

    @Test
    void aPromiseChangeCountsFromWhatTheCustomerWasToldLast() {
        OrderSnapshot moved = order(MARCH_12.plusDays(1), List.of(MARCH_12));

        assertThat(PromiseTolerance.significant(moved, Map.of(LINE, MARCH_12), 2)).isFalse();
        assertThat(PromiseTolerance.significant(moved, Map.of(LINE, MARCH_12.minusDays(1)), 2)).isTrue();
        assertThat(PromiseTolerance.significant(moved, Map.of(), 2)).as("history as reference").isFalse();
        assertThat(PromiseTolerance.significant(order(MARCH_12, List.of()), Map.of(), 2)).as("never told").isTrue();
        assertThat(PromiseTolerance.significant(order(MARCH_12.minusDays(3), List.of()), Map.of(LINE, MARCH_12), 2))
                .as("earlier is news too")
                .isTrue();
        assertThat(PromiseTolerance.significant(order(null, List.of(MARCH_12)), Map.of(LINE, MARCH_12), 2))
                .as("a line without a promise (shipped) is no promise change")
                .isFalse();
    }

    @Test
    void theGateChecksToleranceOfferCapConsentAndPreference() {
        CustomerOrder both = order(true, true);
        CustomerPreference all = CustomerPreference.defaults("c");

        assertThat(decide(NotificationKind.SHIPPED, both, all, true, true, 0).channels())
                .containsExactlyInAnyOrder(Channel.EMAIL, Channel.SMS);
        assertThat(decide(NotificationKind.PROMISE_DATE_CHANGED, both, all, true, false, 0).suppressed())
                .contains(SuppressionReason.BELOW_TOLERANCE);
        assertThat(decide(NotificationKind.OFFER_REMINDER, both, all, false, true, 0).suppressed())
                .contains(SuppressionReason.OFFER_CLOSED);
        assertThat(decide(NotificationKind.SHIPPED, both, all, true, true, 3).suppressed())
                .contains(SuppressionReason.DAILY_CAP);
        for (NotificationKind never : EnumSet.of(NotificationKind.OFFER, NotificationKind.OFFER_REMINDER,
                NotificationKind.OFFER_EXPIRED, NotificationKind.PAYMENT_METHOD_UPDATE_NEEDED,
                NotificationKind.CANCELLED_AND_REFUNDED, NotificationKind.FRESH_LINK)) {
            assertThat(decide(never, both, all, true, true, 99).suppressed()).as("%s is never capped", never)
                    .isEmpty();
        }
        CustomerPreference noSms = CustomerPreference.defaults("c");
        noSms.smsEnabled = false;
        assertThat(decide(NotificationKind.SHIPPED, both, noSms, true, true, 0).channels())
                .containsExactly(Channel.EMAIL);
        CustomerPreference none = CustomerPreference.defaults("c");
        none.emailEnabled = false;
        none.smsEnabled = false;
        assertThat(decide(NotificationKind.SHIPPED, both, none, true, true, 0).suppressed())
                .contains(SuppressionReason.OPTED_OUT);
        assertThat(decide(NotificationKind.SHIPPED, order(false, false), all, true, true, 0).suppressed())
                .contains(SuppressionReason.NO_CHANNEL);
        CustomerOrder badAddresses = order(true, true);
        badAddresses.email = "not-an-address";
        badAddresses.phone = "0151 123";
        assertThat(NotificationGate.reachable(badAddresses)).isEmpty();
    }

    @Test
    void linkTokensAreRandomAndOnlyTheirCanonicalSpellingIsAccepted() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = LinkTokens.newToken();
            assertThat(token).matches("[A-Za-z0-9_-]{32}");
            assertThat(seen.add(token)).isTrue();
        }
        String token = LinkTokens.newToken();
        assertThat(LinkTokens.hash(token)).get().satisfies(hash -> assertThat(hash).hasSize(32));
        assertThat(LinkTokens.hash(token)).get().isEqualTo(LinkTokens.hash(token).get());
        assertThat(LinkTokens.hash(token + "A")).isEmpty();
        assertThat(LinkTokens.hash(token.substring(1))).isEmpty();
        assertThat(LinkTokens.hash("!".repeat(32))).isEmpty();
        assertThat(LinkTokens.hash(null)).isEmpty();
    }

    @Test
    void formTokensAreBoundToTheirLinkAndExpire() {
        LinkTokens crypto = new LinkTokens("0123456789abcdef0123456789abcdef");
        byte[] link = LinkTokens.hash(LinkTokens.newToken()).orElseThrow();
        byte[] other = LinkTokens.hash(LinkTokens.newToken()).orElseThrow();
        Instant rendered = Instant.parse("2031-03-01T10:00:00Z");
        String form = crypto.formToken(link, rendered);
        Duration validity = Duration.ofHours(2);

        assertThat(crypto.verifyFormToken(form, link, rendered.plus(Duration.ofMinutes(5)), validity)).isTrue();
        assertThat(crypto.verifyFormToken(form, other, rendered, validity)).isFalse();
        assertThat(crypto.verifyFormToken(form, link, rendered.plus(Duration.ofHours(3)), validity)).isFalse();
        assertThat(crypto.verifyFormToken(form, link, rendered.minusSeconds(60), validity)).isFalse();
        assertThat(new LinkTokens("another-secret-0123456789abcdef012").verifyFormToken(form, link, rendered,
                validity)).isFalse();
        String later = (rendered.getEpochSecond() + 3600) + form.substring(form.indexOf('.'));
        assertThat(crypto.verifyFormToken(later, link, rendered.plus(Duration.ofHours(1)), validity))
                .as("the time is signed too")
                .isFalse();
        assertThat(crypto.verifyFormToken("garbage", link, rendered, validity)).isFalse();
        assertThat(crypto.verifyFormToken(null, link, rendered, validity)).isFalse();
    }

    private static NotificationGate.Decision decide(NotificationKind kind, CustomerOrder order,
            CustomerPreference preference, boolean offerOpen, boolean moved, long sent) {
        return NotificationGate.decide(new NotificationGate.Facts(kind, order, preference, offerOpen, moved, sent, 3));
    }

    private static CustomerOrder order(boolean email, boolean sms) {
        return CustomerOrder.create(UUID.randomUUID(), new CustomerContact("c", "jane@example.com", "+4915112345678",
                "en", email, sms), "A-1", "{}", Instant.EPOCH, Instant.now(Clock.system(ZoneOffset.UTC)));
    }

    private static OrderSnapshot order(LocalDate promise, List<LocalDate> history) {
        return new OrderSnapshot(UUID.randomUUID(), "A-1", Instant.EPOCH, "EUR", List.of(new OrderSnapshot.Line(LINE,
                "SKU", "Thing", 1, "BACKORDERED", promise, history)), null, null, null);
    }
}
