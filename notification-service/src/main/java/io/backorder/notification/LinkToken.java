package io.backorder.notification;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.backorder.contracts.notification.LinkAction;

/**
 * A customer link, known here only by the SHA-256 hash of its token: bound to one order and the actions it allows,
 * expiring. A token minted for an attempt that failed is revoked: nobody received it.
 */
@Entity
@Table(name = "link_token")
public class LinkToken {

    @Id
    public UUID id;

    @Column(name = "token_hash", nullable = false)
    public byte[] tokenHash;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Column(nullable = false)
    public String actions;

    @Column(name = "notification_id")
    public UUID notificationId;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public static LinkToken issue(byte[] hash, UUID orderId, Set<LinkAction> actions, UUID notificationId,
            Instant now, Instant expiresAt) {
        LinkToken token = new LinkToken();
        token.id = UUID.randomUUID();
        token.tokenHash = hash;
        token.orderId = orderId;
        token.actions = LinkActions.format(actions);
        token.notificationId = notificationId;
        token.issuedAt = now;
        token.expiresAt = expiresAt;
        return token;
    }

    public boolean allows(LinkAction action) {
        return linkActions().contains(action);
    }

    public Set<LinkAction> linkActions() {
        return LinkActions.parse(actions);
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }
}
