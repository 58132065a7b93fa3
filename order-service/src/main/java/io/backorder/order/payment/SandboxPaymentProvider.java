package io.backorder.order.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import io.backorder.order.config.OrderConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The built-in payment provider for local runs and tests. It behaves like a card processor with manual capture:
 * authorizations lapse, captures may be partial and repeated up to the authorized amount, refunds up to what was
 * captured, and every call is idempotent by key. Its state lives in this service's database, so it survives restarts
 * and serves every replica.
 * <p>
 * Scripted payment methods: {@value #DECLINED} is declined everywhere, {@value #INSUFFICIENT_FUNDS} at
 * authorization only (a verification passes), {@value #CAPTURE_FAILS} authorizes but fails every capture,
 * {@value #SHORT_HOLD} authorizes for {@code order.payment.sandbox.short-hold-duration} only. Any other
 * {@code pm_...} reference succeeds.
 */
@ApplicationScoped
@Typed(SandboxPaymentProvider.class)
public class SandboxPaymentProvider implements PaymentProvider {

    public static final String DECLINED = "pm_card_declined";
    public static final String INSUFFICIENT_FUNDS = "pm_card_insufficient_funds";
    public static final String CAPTURE_FAILS = "pm_card_capture_fails";
    public static final String SHORT_HOLD = "pm_card_short_hold";

    private static final Pattern PAYMENT_METHOD = Pattern.compile("pm_[A-Za-z0-9_]{1,100}");

    private static final String CLAIM_KEY = """
            insert into sandbox_request (idempotency_key, operation, fingerprint, created_at)
            values ($1, $2, $3, $4) on conflict (idempotency_key) do nothing""";
    private static final String STORE_ANSWER = """
            update sandbox_request set outcome = $2, reference = $3, expires_at = $4, code = $5, message = $6
            where idempotency_key = $1""";
    private static final String EARLIER_ANSWER = """
            select operation, fingerprint, outcome, reference, expires_at, code, message from sandbox_request
            where idempotency_key = $1""";
    private static final String LOCK_INTENT = """
            select payment_method, amount, captured, refunded, status, expires_at from sandbox_intent
            where id = $1 for update""";

    private final Pool pool;
    private final Clock clock;
    private final OrderConfig.Payment.Sandbox config;

    public SandboxPaymentProvider(Pool pool, Clock clock, OrderConfig config) {
        this.pool = pool;
        this.clock = clock;
        this.config = config.payment().sandbox();
    }

    @Override
    public Uni<PaymentResult> authorize(String idempotencyKey, String paymentMethod, BigDecimal amount,
            String currency, String orderReference) {
        String fingerprint = String.join("|", paymentMethod, amount.toPlainString(), currency);
        return once(idempotencyKey, "AUTHORIZE", fingerprint, connection -> {
            if (!PAYMENT_METHOD.matcher(paymentMethod).matches()) {
                return answer(new PaymentResult.Declined("invalid_payment_method", "No such payment method"));
            }
            if (paymentMethod.equals(DECLINED)) {
                return answer(new PaymentResult.Declined("card_declined", "The card was declined"));
            }
            if (paymentMethod.equals(INSUFFICIENT_FUNDS)) {
                return answer(new PaymentResult.Declined("insufficient_funds", "The card has insufficient funds"));
            }
            Instant now = clock.instant();
            Duration hold = paymentMethod.equals(SHORT_HOLD) ? config.shortHoldDuration() : config.holdDuration();
            // whole seconds, as card networks state it, so that a replayed answer equals the first one
            Instant expiresAt = now.plus(hold).truncatedTo(ChronoUnit.SECONDS);
            String intent = "sbx_pi_" + UUID.randomUUID().toString().replace("-", "");
            return connection.preparedQuery("""
                    insert into sandbox_intent (id, payment_method, currency, amount, status, expires_at, created_at)
                    values ($1, $2, $3, $4, 'AUTHORIZED', $5, $6)""")
                    .execute(Tuple.tuple()
                            .addString(intent)
                            .addString(paymentMethod)
                            .addString(currency)
                            .addBigDecimal(amount)
                            .addOffsetDateTime(utc(expiresAt))
                            .addOffsetDateTime(utc(now)))
                    .replaceWith(new PaymentResult.Approved(intent, expiresAt));
        });
    }

    @Override
    public Uni<PaymentResult> verify(String idempotencyKey, String paymentMethod) {
        return once(idempotencyKey, "VERIFY", paymentMethod, connection -> {
            if (!PAYMENT_METHOD.matcher(paymentMethod).matches()) {
                return answer(new PaymentResult.Declined("invalid_payment_method", "No such payment method"));
            }
            if (paymentMethod.equals(DECLINED)) {
                return answer(new PaymentResult.Declined("card_declined", "The card was declined"));
            }
            return answer(new PaymentResult.Approved("sbx_seti_" + UUID.randomUUID().toString().replace("-", ""),
                    null));
        });
    }

    @Override
    public Uni<PaymentResult> capture(String idempotencyKey, String authorization, BigDecimal amount,
            String currency) {
        String fingerprint = String.join("|", authorization, amount.toPlainString(), currency);
        return once(idempotencyKey, "CAPTURE", fingerprint, connection -> lockIntent(connection, authorization)
                .flatMap(intent -> {
                    if (intent == null) {
                        return answer(new PaymentResult.Declined("resource_missing", "No such authorization"));
                    }
                    if (!"AUTHORIZED".equals(intent.getString("status"))) {
                        return answer(new PaymentResult.Declined("intent_canceled", "The authorization was released"));
                    }
                    if (!clock.instant().isBefore(intent.getOffsetDateTime("expires_at").toInstant())) {
                        return answer(new PaymentResult.Expired("The authorization lapsed at "
                                + intent.getOffsetDateTime("expires_at").toInstant()));
                    }
                    if (CAPTURE_FAILS.equals(intent.getString("payment_method"))) {
                        return answer(new PaymentResult.Declined("card_declined", "The card was declined at capture"));
                    }
                    BigDecimal capturable = intent.getBigDecimal("amount").subtract(intent.getBigDecimal("captured"));
                    if (amount.signum() <= 0 || amount.compareTo(capturable) > 0) {
                        return answer(new PaymentResult.Declined("amount_too_large", "Only " + capturable
                                + " can still be captured"));
                    }
                    return connection.preparedQuery("update sandbox_intent set captured = captured + $2 where id = $1")
                            .execute(Tuple.of(authorization, amount))
                            .replaceWith(new PaymentResult.Approved("sbx_ch_" + UUID.randomUUID()
                                    .toString()
                                    .replace("-", ""), null));
                }));
    }

    @Override
    public Uni<PaymentResult> release(String idempotencyKey, String authorization) {
        return once(idempotencyKey, "RELEASE", authorization, connection -> lockIntent(connection, authorization)
                .flatMap(intent -> {
                    if (intent == null) {
                        return answer(new PaymentResult.Declined("resource_missing", "No such authorization"));
                    }
                    return connection.preparedQuery("update sandbox_intent set status = 'RELEASED' where id = $1")
                            .execute(Tuple.of(authorization))
                            .replaceWith(new PaymentResult.Approved(authorization, null));
                }));
    }

    @Override
    public Uni<PaymentResult> refund(String idempotencyKey, String authorization, BigDecimal amount,
            String currency) {
        String fingerprint = String.join("|", authorization, amount.toPlainString(), currency);
        return once(idempotencyKey, "REFUND", fingerprint, connection -> lockIntent(connection, authorization)
                .flatMap(intent -> {
                    if (intent == null) {
                        return answer(new PaymentResult.Declined("resource_missing", "No such authorization"));
                    }
                    BigDecimal refundable = intent.getBigDecimal("captured").subtract(intent.getBigDecimal("refunded"));
                    if (amount.signum() <= 0 || amount.compareTo(refundable) > 0) {
                        return answer(new PaymentResult.Declined("amount_too_large", "Only " + refundable
                                + " can be refunded"));
                    }
                    return connection.preparedQuery("update sandbox_intent set refunded = refunded + $2 where id = $1")
                            .execute(Tuple.of(authorization, amount))
                            .replaceWith(new PaymentResult.Approved("sbx_re_" + UUID.randomUUID()
                                    .toString()
                                    .replace("-", ""), null));
                }));
    }

    /**
     * Runs {@code work} once per idempotency key. A concurrent call with the same key waits on the key's row and
     * then returns the stored answer; the same key with other parameters is refused, as real providers do.
     */
    private Uni<PaymentResult> once(String key, String operation, String fingerprint,
            Function<SqlConnection, Uni<PaymentResult>> work) {
        return pool.withTransaction(connection -> connection.preparedQuery(CLAIM_KEY)
                .execute(Tuple.of(key, operation, fingerprint, utc(clock.instant())))
                .flatMap(claimed -> claimed.rowCount() == 1
                        ? work.apply(connection).call(result -> store(connection, key, result))
                        : earlierAnswer(connection, key, operation, fingerprint)));
    }

    private static Uni<Void> store(SqlConnection connection, String key, PaymentResult result) {
        Tuple row = Tuple.tuple().addString(key);
        if (result instanceof PaymentResult.Approved approved) {
            row.addString("APPROVED")
                    .addString(approved.reference())
                    .addOffsetDateTime(approved.expiresAt() == null ? null : utc(approved.expiresAt()))
                    .addString(null)
                    .addString(null);
        } else if (result instanceof PaymentResult.Declined declined) {
            row.addString("DECLINED")
                    .addString(null)
                    .addOffsetDateTime(null)
                    .addString(declined.code())
                    .addString(declined.message());
        } else {
            row.addString("EXPIRED")
                    .addString(null)
                    .addOffsetDateTime(null)
                    .addString(null)
                    .addString(((PaymentResult.Expired) result).message());
        }
        return connection.preparedQuery(STORE_ANSWER).execute(row).replaceWithVoid();
    }

    private static Uni<PaymentResult> earlierAnswer(SqlConnection connection, String key, String operation,
            String fingerprint) {
        return connection.preparedQuery(EARLIER_ANSWER).execute(Tuple.of(key)).map(rows -> {
            Row row = rows.iterator().next();
            if (!operation.equals(row.getString("operation")) || !fingerprint.equals(row.getString("fingerprint"))) {
                return new PaymentResult.Declined("idempotency_error",
                        "The idempotency key was used before with other parameters");
            }
            return switch (row.getString("outcome")) {
                case "APPROVED" -> new PaymentResult.Approved(row.getString("reference"),
                        row.getOffsetDateTime("expires_at") == null
                                ? null
                                : row.getOffsetDateTime("expires_at").toInstant());
                case "DECLINED" -> new PaymentResult.Declined(row.getString("code"), row.getString("message"));
                default -> new PaymentResult.Expired(row.getString("message"));
            };
        });
    }

    private static Uni<Row> lockIntent(SqlConnection connection, String intent) {
        return connection.preparedQuery(LOCK_INTENT)
                .execute(Tuple.of(intent))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next() : null);
    }

    private static Uni<PaymentResult> answer(PaymentResult result) {
        return Uni.createFrom().item(result);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
