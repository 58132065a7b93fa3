package io.backorder.notification.content;

import java.util.List;
import java.util.UUID;

import io.backorder.contracts.notification.OfferOptionKind;
import io.backorder.notification.NotificationKind;
import io.backorder.notification.OfferStatus;

/** What templates show, already formatted for the reader's locale. */
public final class Views {

    private Views() {
    }

    public record Shop(String name, String brandColor, String logoUrl, String contactEmail, String contactPhone) {
    }

    /** @param earlierPromises earlier expected dates, formatted and joined, or null */
    public record Line(String description, String sku, int quantity, LineState state, String promiseDate,
            String earlierPromises) {
    }

    /** @param payments null while nothing was authorized, charged or refunded */
    public record Order(String reference, String placedAt, List<Line> lines, Payments payments) {
    }

    public record Payments(String authorized, String captured, String refunded) {
    }

    public record Option(int index, OfferOptionKind kind, String description, String alternativeSku, String amount,
            boolean isDefault) {
    }

    public record Offer(UUID offerId, String reason, String expiresAt, OfferOptionKind defaultOption,
            OfferStatus status, List<Option> options) {

        public boolean isOpen() {
            return status == OfferStatus.OPEN;
        }

        public boolean isExpired() {
            return status == OfferStatus.EXPIRED;
        }
    }

    public record Decision(OfferOptionKind option, String decidedAt) {
    }

    /**
     * The frame of every page: the shop, the language and its switch, the public base URL, where the order page and
     * "contact us" are ({@code orderUrl} is null on pages that belong to no link).
     */
    public record Chrome(Shop shop, String lang, String otherLang, String base, String orderUrl, String contactUrl) {
    }

    public record OrderPage(Chrome chrome, Order order, Offer offer, Decision decision, boolean canDecide,
            boolean linkUsedForDecision, boolean paymentRequested, boolean canUpdatePayment,
            boolean paymentReceived, Preferences preferences, String formToken, String linkValidUntil) {
    }

    public record Preferences(boolean hasEmail, boolean hasSms, boolean emailEnabled, boolean smsEnabled,
            boolean saved) {
    }

    public record ConfirmPage(Chrome chrome, Offer offer, Option option, String formToken) {
    }

    /**
     * @param formToken set when the page offers to send a fresh link
     * @param sentTo where a fresh link goes, masked
     * @param showBack whether to lead back to the order page
     */
    public record NoticePage(Chrome chrome, NoticeKind notice, String formToken, List<String> sentTo,
            boolean showBack) {
    }

    public record Mail(NotificationKind kind, Shop shop, Order order, Offer offer, String link, String contactLink,
            String linkValidUntil) {
    }
}
