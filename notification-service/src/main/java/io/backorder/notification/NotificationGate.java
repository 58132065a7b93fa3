package io.backorder.notification;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides, when a message is due, whether it goes out and on which channels. Channel rules: an address, the consent
 * given at checkout and the customer's own preference, all three.
 */
public final class NotificationGate {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    /**
     * @param offerOpen whether the offer an offer message is about can still be decided
     * @param promisesMoved whether a promise change still exceeds the tolerance against what the customer knows
     * @param sentLastDay messages of this order that went out in the last 24 hours
     */
    public record Facts(NotificationKind kind, CustomerOrder order, CustomerPreference preference, boolean offerOpen,
            boolean promisesMoved, long sentLastDay, int maxPerDay) {
    }

    public record Decision(Optional<SuppressionReason> suppressed, Set<Channel> channels) {

        static Decision suppress(SuppressionReason reason) {
            return new Decision(Optional.of(reason), Set.of());
        }
    }

    private NotificationGate() {
    }

    public static Decision decide(Facts facts) {
        if (facts.kind() == NotificationKind.PROMISE_DATE_CHANGED && !facts.promisesMoved()) {
            return Decision.suppress(SuppressionReason.BELOW_TOLERANCE);
        }
        if (facts.kind().concernsOffer() && !facts.offerOpen()) {
            return Decision.suppress(SuppressionReason.OFFER_CLOSED);
        }
        if (facts.kind().cappable() && facts.sentLastDay() >= facts.maxPerDay()) {
            return Decision.suppress(SuppressionReason.DAILY_CAP);
        }
        Set<Channel> reachable = reachable(facts.order());
        Set<Channel> wanted = EnumSet.noneOf(Channel.class);
        reachable.stream().filter(facts.preference()::allows).forEach(wanted::add);
        if (wanted.isEmpty()) {
            return Decision.suppress(reachable.isEmpty() ? SuppressionReason.NO_CHANNEL : SuppressionReason.OPTED_OUT);
        }
        return new Decision(Optional.empty(), wanted);
    }

    /** Channels with a valid address and the customer's consent from checkout. */
    public static Set<Channel> reachable(CustomerOrder order) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (order.emailOptIn && order.email != null && EMAIL.matcher(order.email).matches()) {
            channels.add(Channel.EMAIL);
        }
        if (order.smsOptIn && order.phone != null && E164.matcher(order.phone).matches()) {
            channels.add(Channel.SMS);
        }
        return channels;
    }

    public static String recipient(CustomerOrder order, Channel channel) {
        return channel == Channel.EMAIL ? order.email : order.phone;
    }
}
