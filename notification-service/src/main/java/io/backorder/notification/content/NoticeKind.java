package io.backorder.notification.content;

/** The short pages a customer sees instead of the order page, each with its HTTP status. */
public enum NoticeKind {
    NOT_FOUND(404), EXPIRED(410), ALREADY_DECIDED(409), LINK_USED(409), OFFER_CLOSED(409), OFFER_CHANGED(
            409), FORM_EXPIRED(400), INVALID_INPUT(
                    400), NOT_ALLOWED(403), FRESH_LINK_SENT(200), TOO_MANY_REQUESTS(429), ERROR(500);

    private final int status;

    NoticeKind(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
