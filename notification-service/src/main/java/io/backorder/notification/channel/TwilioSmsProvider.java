package io.backorder.notification.channel;

import java.util.Objects;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Twilio's Programmable Messaging API: {@code POST /2010-04-01/Accounts/{sid}/Messages.json}, form encoded, basic
 * authentication with the account SID and auth token. 4xx answers (other than 429) are permanent failures; 429, 5xx
 * and network errors are worth retrying.
 */
public class TwilioSmsProvider implements SmsProvider {

    /** @param messagingServiceSid sends through the messaging service when set, else from {@code from} */
    public record Settings(String baseUrl, String accountSid, String authToken, String from,
            String messagingServiceSid) {

        public Settings {
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(accountSid, "the Twilio account SID");
            Objects.requireNonNull(authToken, "the Twilio auth token");
        }
    }

    private final WebClient client;
    private final Settings settings;

    public TwilioSmsProvider(WebClient client, Settings settings) {
        this.client = client;
        this.settings = settings;
    }

    @Override
    public Uni<String> send(String to, String body) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap().add("To", to).add("Body", body);
        if (settings.messagingServiceSid() != null) {
            form.add("MessagingServiceSid", settings.messagingServiceSid());
        } else {
            form.add("From", settings.from());
        }
        String url = settings.baseUrl() + "/2010-04-01/Accounts/" + settings.accountSid() + "/Messages.json";
        return client.postAbs(url)
                .basicAuthentication(settings.accountSid(), settings.authToken())
                .putHeader("Accept", "application/json")
                .sendForm(form)
                .onFailure(failure -> !(failure instanceof DeliveryRejected))
                .transform(failure -> new DeliveryRejected("Twilio unreachable: " + failure.getMessage(), true))
                .map(TwilioSmsProvider::messageSid);
    }

    private static String messageSid(HttpResponse<Buffer> response) {
        int status = response.statusCode();
        JsonObject json = parse(response);
        if (status == 200 || status == 201) {
            String sid = json == null ? null : json.getString("sid");
            if (sid == null) {
                throw new DeliveryRejected("Twilio accepted the message but returned no sid", false);
            }
            return sid;
        }
        String detail = json == null
                ? "HTTP " + status
                : "HTTP " + status + ", error " + json.getValue("code") + ": " + json.getString("message");
        throw new DeliveryRejected("Twilio refused the message: " + detail, status == 429 || status >= 500);
    }

    private static JsonObject parse(HttpResponse<Buffer> response) {
        try {
            return response.bodyAsJsonObject();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
