package io.backorder.support.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.backorder.support.time.Periodic;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Keeps the messaging tables from growing without end: outbox batches the broker accepted more than
 * {@code retention.sent} ago are deleted, and so are the ids of inbox messages processed more than
 * {@code retention.processed} ago. A copy of a message arriving after its id is forgotten would be handled again, so
 * that retention must outlast every redelivery: broker retries, an outbox sent again after a crash, an operator
 * replaying a dead-letter queue. Rows go in chunks, each chunk its own statement, so a large backlog holds no lock for
 * long; replicas may run it side by side (a row deleted by one is skipped by the other).
 */
@ApplicationScoped
public class MessageRetention {

    /** {@code created_at} is implied by {@code sent_at} (never earlier) and lets the BRIN index find the rows. */
    private static final String FORGET_SENT = """
            delete from outbox_batch where sequence in (
                select sequence from outbox_batch
                where created_at < now() - make_interval(secs => $1) and sent_at < now() - make_interval(secs => $1)
                limit $2)""";
    private static final String FORGET_PROCESSED = """
            delete from processed_message where message_id in (
                select message_id from processed_message where processed_at < now() - make_interval(secs => $1)
                limit $2)""";

    private final Pool pool;
    private final MessagingConfig.Retention retention;
    private final Periodic periodic;

    @Inject
    public MessageRetention(Pool pool, MessagingConfig config, Periodic periodic) {
        this(pool, config.retention(), periodic);
    }

    MessageRetention(Pool pool, MessagingConfig.Retention retention, Periodic periodic) {
        this.pool = pool;
        this.retention = retention;
        this.periodic = periodic;
    }

    void start(@Observes StartupEvent event) {
        periodic.everyUntilDrained(retention.interval(), "outbox retention", retention.chunkSize(), this::forgetSent);
        periodic.everyUntilDrained(retention.interval(), "inbox retention", retention.chunkSize(),
                this::forgetProcessed);
    }

    /** Deletes up to one chunk of batches sent longer ago than the retention; returns how many. */
    Uni<Integer> forgetSent() {
        return forget(FORGET_SENT, retention.sent(), "sent outbox batches");
    }

    /** Deletes up to one chunk of processed message ids older than the retention; returns how many. */
    Uni<Integer> forgetProcessed() {
        return forget(FORGET_PROCESSED, retention.processed(), "processed message ids");
    }

    private Uni<Integer> forget(String sql, Duration age, String what) {
        return pool.preparedQuery(sql)
                .execute(Tuple.of(age.toMillis() / 1000.0, retention.chunkSize()))
                .map(rows -> {
                    Log.debugf("Deleted %d %s older than %s", rows.rowCount(), what, age);
                    return rows.rowCount();
                });
    }
}
