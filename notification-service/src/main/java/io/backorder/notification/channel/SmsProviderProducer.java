package io.backorder.notification.channel;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.backorder.notification.config.NotificationConfig;
import io.quarkus.runtime.Startup;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.sqlclient.Pool;

/** Chooses the SMS provider from configuration; a misconfigured real provider stops the service at start. */
public class SmsProviderProducer {

    @Produces
    @Singleton
    @Startup
    SmsProvider smsProvider(NotificationConfig config, Pool pool, Clock clock, Vertx vertx) {
        NotificationConfig.Sms sms = config.sms();
        return switch (sms.provider()) {
            case SANDBOX -> new SandboxSmsProvider(pool, clock, sms.from());
            case TWILIO -> new TwilioSmsProvider(WebClient.create(vertx), new TwilioSmsProvider.Settings(
                    sms.twilio().baseUrl(),
                    sms.twilio().accountSid().orElseThrow(() -> missing("account-sid")),
                    sms.twilio().authToken().orElseThrow(() -> missing("auth-token")),
                    sms.from(), sms.twilio().messagingServiceSid().orElse(null)));
        };
    }

    private static IllegalStateException missing(String key) {
        return new IllegalStateException("backorder.notification.sms.twilio." + key + " is required with the Twilio "
                + "SMS provider");
    }
}
