package io.backorder.notification.channel;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * An SMS provider that keeps messages instead of sending them, for local runs and tests. It answers like Twilio:
 * message ids "SM" plus 32 hex digits, and Twilio's magic test numbers fail with Twilio's error codes, so failure
 * handling can be tried without a real provider.
 */
public class SandboxSmsProvider implements SmsProvider {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    /** Twilio's test numbers and the errors the real API gives for them. */
    private static final Map<String, Integer> MAGIC_FAILURES = Map.of(
            "+15005550001", 21211, // invalid To number
            "+15005550002", 21612, // cannot route to this number
            "+15005550003", 21408, // no permission for the region
            "+15005550004", 21610, // recipient replied STOP
            "+15005550009", 21614); // not a mobile number
    private static final String INSERT = """
            insert into sms_sandbox_message (sid, to_number, from_number, body, status, error_code, created_at)
            values ($1, $2, $3, $4, $5, $6, $7)""";

    private final Pool pool;
    private final Clock clock;
    private final String from;

    public SandboxSmsProvider(Pool pool, Clock clock, String from) {
        this.pool = pool;
        this.clock = clock;
        this.from = from;
    }

    @Override
    public Uni<String> send(String to, String body) {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        Integer error = E164.matcher(to).matches() ? MAGIC_FAILURES.get(to) : Integer.valueOf(21211);
        String status = error == null ? "queued" : "failed";
        return pool.preparedQuery(INSERT)
                .execute(Tuple.from(new Object[]{sid, to, from, body, status, error,
                        clock.instant().atOffset(ZoneOffset.UTC)}))
                .flatMap(ignored -> error == null
                        ? Uni.createFrom().item(sid)
                        : Uni.createFrom()
                                .failure(new DeliveryRejected("Sandbox SMS provider error " + error
                                        + " for " + to, false)));
    }
}
