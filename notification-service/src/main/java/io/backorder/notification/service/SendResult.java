package io.backorder.notification.service;

/** What the channel said about one attempt. */
public record SendResult(Outgoing attempt, boolean sent, String providerId, String error, boolean retryable) {

    public static SendResult sent(Outgoing attempt, String providerId) {
        return new SendResult(attempt, true, providerId, null, false);
    }

    public static SendResult failed(Outgoing attempt, String error, boolean retryable) {
        String brief = error == null ? "unknown error" : error;
        return new SendResult(attempt, false, null, brief.length() > 1000 ? brief.substring(0, 1000) : brief,
                retryable);
    }
}
