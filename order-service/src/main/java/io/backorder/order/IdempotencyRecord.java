package io.backorder.order;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The first response to a platform's {@code POST /orders} with a given idempotency key. */
@Entity
@Table(name = "idempotency_record")
@IdClass(IdempotencyRecord.Key.class)
public class IdempotencyRecord {

    public record Key(String platform, String idempotencyKey) implements Serializable {
    }

    @Id
    public String platform;

    @Id
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** SHA-256 of the canonical request: the same key with another request is refused. */
    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "status_code")
    public Integer statusCode;

    public String response;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
