package io.backorder.supplier.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.backorder.supplier.config.SupplierConfig;
import io.backorder.support.rest.UnprocessableProblem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Requests with an {@code Idempotency-Key} take effect once per caller and key. The key is claimed in the same
 * transaction as the effect, so a retry either waits for the first attempt and gets its response, or (if the first
 * attempt failed and rolled back) runs afresh. The same key with a different request is refused.
 */
@ApplicationScoped
public class IdempotencyService {

    private static final String CLAIM = """
            insert into idempotency_key (scope, key, operation, request_hash) values (?1, ?2, ?3, ?4)
            on conflict (scope, key) do nothing""";
    private static final String FIND = """
            select operation, request_hash, response from idempotency_key where scope = ?1 and key = ?2""";
    private static final String STORE = "update idempotency_key set response = ?3 where scope = ?1 and key = ?2";
    private static final String PURGE = "delete from idempotency_key where created_at < $1";

    private final ObjectMapper mapper;
    private final Pool pool;
    private final Duration retention;

    public IdempotencyService(ObjectMapper mapper, Pool pool, SupplierConfig config) {
        this.mapper = mapper;
        this.pool = pool;
        this.retention = config.idempotency().retention();
    }

    /**
     * Runs {@code action} once for this caller and key; a repeat returns the first response.
     *
     * @param key the client's Idempotency-Key, or null to just run the action
     * @param operation names the endpoint and the ids in its path: the same key on another endpoint is a misuse
     */
    @WithTransaction
    public <T> Uni<T> once(String scope, String key, String operation, Object request, Class<T> type,
            Supplier<Uni<T>> action) {
        if (key == null) {
            return action.get();
        }
        String hash = hash(operation, request);
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(CLAIM)
                        .setParameter(1, scope)
                        .setParameter(2, key)
                        .setParameter(3, operation)
                        .setParameter(4, hash)
                        .executeUpdate())
                .flatMap(claimed -> claimed == 1
                        ? action.get().call(response -> store(scope, key, response))
                        : replay(scope, key, operation, hash, type));
    }

    @Scheduled(every = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeExpired() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(retention);
        return pool.preparedQuery(PURGE).execute(Tuple.of(cutoff)).invoke(rows -> {
            if (rows.rowCount() > 0) {
                Log.infof("Forgot %d idempotency keys older than %s", rows.rowCount(), retention);
            }
        }).replaceWithVoid();
    }

    private Uni<Void> store(String scope, String key, Object response) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(STORE)
                        .setParameter(1, scope)
                        .setParameter(2, key)
                        .setParameter(3, json(response))
                        .executeUpdate())
                .replaceWithVoid();
    }

    private <T> Uni<T> replay(String scope, String key, String operation, String hash, Class<T> type) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(FIND)
                        .setParameter(1, scope)
                        .setParameter(2, key)
                        .getResultList())
                .map(rows -> {
                    Object[] row = (Object[]) ((List<?>) rows).get(0);
                    if (!operation.equals(row[0]) || !hash.equals(row[1])) {
                        throw new UnprocessableProblem("The Idempotency-Key " + key
                                + " was used before with a different request");
                    }
                    try {
                        return mapper.readValue((String) row[2], type);
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("Stored response for an idempotency key is unreadable", e);
                    }
                });
    }

    private String hash(String operation, Object request) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest((operation + "\n" + json(request)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }
}
