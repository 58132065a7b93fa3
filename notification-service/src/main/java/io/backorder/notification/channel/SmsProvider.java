package io.backorder.notification.channel;

import io.smallrye.mutiny.Uni;

/** Sends text messages. Fails with {@link DeliveryRejected} when the provider refuses one. */
public interface SmsProvider {

    /** The provider's id of an accepted message. */
    Uni<String> send(String to, String body);
}
