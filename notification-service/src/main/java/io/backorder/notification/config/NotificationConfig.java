package io.backorder.notification.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "backorder.notification")
public interface NotificationConfig {

    Shop shop();

    Links links();

    Throttle throttle();

    Delivery delivery();

    Sms sms();

    RateLimit rateLimit();

    /** What every message and page shows of the shop: its name, branding and how to reach customer service. */
    interface Shop {

        @NotBlank
        String name();

        /** The accent colour of pages and emails. */
        @WithDefault("#1f5fa8")
        @Pattern(regexp = "#[0-9a-fA-F]{6}")
        String brandColor();

        /** An absolute https URL of the shop's logo, shown in emails and on pages. */
        Optional<@Pattern(regexp = "https://\\S+") String> logoUrl();

        @Email
        @NotBlank
        String contactEmail();

        @NotBlank
        String contactPhone();

        /** Where "contact us" leads after the click has been counted. */
        @Pattern(regexp = "(https?://|mailto:)\\S+")
        String contactUrl();

        /** The From address of emails; replies go to {@link #contactEmail()}. */
        @Email
        @NotBlank
        String senderEmail();

        /** Dates and times on pages and in messages are shown in this zone. */
        @WithDefault("Europe/Berlin")
        ZoneId timeZone();
    }

    interface Links {

        /** The public URL the customer pages are reached at (through the gateway); links are {@code <base>/c/<token>}. */
        @Pattern(regexp = "https?://[^\\s?#]+[^/\\s?#]")
        String baseUrl();

        /** How long a link stays valid; afterwards its page offers to send a fresh link. */
        @WithDefault("P30D")
        Duration ttl();

        /** How long a form on a page may be submitted after the page was rendered. */
        @WithDefault("PT2H")
        Duration formTtl();

        /** Key of the forms' CSRF tokens. Every replica needs the same value; required outside dev and test. */
        @Size(min = 32)
        String formSecret();

        /** At most one fresh link per order within this interval, however often the button is pressed. */
        @WithDefault("PT10M")
        Duration freshLinkInterval();
    }

    interface Throttle {

        /** A promise change smaller than this many days (on every line) sends nothing. */
        @WithDefault("2")
        @Min(0)
        int promiseToleranceDays();

        /** Promise changes of one order arriving within this window become one message. */
        @WithDefault("PT15M")
        Duration coalescingWindow();

        /** At most this many messages per order in any 24 hours; offers and payment requests are never held back. */
        @WithDefault("3")
        @Min(1)
        int maxPerOrderPerDay();
    }

    interface Delivery {

        /** How often the dispatcher looks for due messages (also used by the scheduler expression). */
        @WithDefault("1s")
        Duration pollInterval();

        @WithDefault("20")
        @Min(1)
        @Max(500)
        int batchSize();

        /** A delivery that failed this many times is given up (recorded as failed). */
        @WithDefault("10")
        @Min(1)
        int maxAttempts();

        /** Wait after the first failure; doubles with every further failure up to {@link #maxBackoff()}. */
        @WithDefault("30s")
        Duration initialBackoff();

        @WithDefault("1h")
        Duration maxBackoff();

        /** A claimed delivery whose sender died is taken up again after this long. */
        @WithDefault("2m")
        Duration lease();

        /** How long one SMTP or SMS provider call may take before it counts as failed. */
        @WithDefault("30s")
        Duration sendTimeout();
    }

    interface Sms {

        @WithDefault("sandbox")
        SmsProviderKind provider();

        /** Sender number (E.164) or alphanumeric sender id. */
        @WithDefault("+15005550006")
        String from();

        Twilio twilio();

        enum SmsProviderKind {
            SANDBOX, TWILIO
        }

        interface Twilio {

            @WithDefault("https://api.twilio.com")
            String baseUrl();

            Optional<String> accountSid();

            Optional<String> authToken();

            /** When set, messages are sent through this messaging service instead of from {@link Sms#from()}. */
            Optional<String> messagingServiceSid();
        }
    }

    /** Against guessing of link tokens: each client address may miss (unknown token) only so often. */
    interface RateLimit {

        /** Unknown tokens a client may present before all its link requests are refused for a while. */
        @WithDefault("20")
        @Min(1)
        int misses();

        /** One miss is forgiven per this interval. */
        @WithDefault("PT1M")
        Duration refillEvery();

        /** Clients remembered at once per replica; those that are back to full allowance are forgotten first. */
        @WithDefault("100000")
        @Min(100)
        int maxTrackedClients();
    }
}
