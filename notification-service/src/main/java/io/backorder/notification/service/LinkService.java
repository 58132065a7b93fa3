package io.backorder.notification.service;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.notification.LinkAction;
import io.backorder.notification.LinkToken;
import io.backorder.notification.LinkTokens;
import io.backorder.notification.config.NotificationConfig;
import io.backorder.notification.repository.LinkTokenRepository;
import io.smallrye.mutiny.Uni;

/** Issues customer links and recognises them again; the raw token leaves this class only inside a message. */
@ApplicationScoped
public class LinkService {

    /** A token just issued: the raw value exists only until the message carrying it is sent. */
    public record Issued(LinkToken token, String raw) {
    }

    private final LinkTokenRepository tokens;
    private final NotificationConfig config;
    private final LinkTokens crypto;

    public LinkService(LinkTokenRepository tokens, NotificationConfig config) {
        this.tokens = tokens;
        this.config = config;
        this.crypto = new LinkTokens(config.links().formSecret());
    }

    public Uni<Issued> issue(UUID orderId, Set<LinkAction> actions, UUID notificationId, Instant now) {
        String raw = LinkTokens.newToken();
        byte[] hash = LinkTokens.hash(raw).orElseThrow();
        LinkToken token = LinkToken.issue(hash, orderId, actions, notificationId, now,
                now.plus(config.links().ttl()));
        return tokens.persist(token).map(saved -> new Issued(saved, raw));
    }

    /** The link behind a token, expired or not; null for a token we never issued (or revoked). */
    public Uni<LinkToken> resolve(String raw) {
        return LinkTokens.hash(raw)
                .map(hash -> tokens.byHash(hash).map(token -> token == null || token.isRevoked() ? null : token))
                .orElseGet(() -> Uni.createFrom().nullItem());
    }

    public Uni<Void> revoke(UUID tokenId, Instant now) {
        return tokens.findById(tokenId).invoke(token -> {
            if (token != null) {
                token.revoke(now);
            }
        }).replaceWithVoid();
    }

    public Uni<Boolean> use(LinkToken token, LinkAction action, Instant now) {
        return tokens.use(token.id, action, now);
    }

    public Uni<Boolean> used(LinkToken token, LinkAction action) {
        return tokens.used(token.id, action);
    }

    public String formToken(LinkToken token, Instant now) {
        return crypto.formToken(token.tokenHash, now);
    }

    public boolean acceptsForm(String formToken, LinkToken token, Instant now) {
        return crypto.verifyFormToken(formToken, token.tokenHash, now, config.links().formTtl());
    }

    public String base() {
        return config.links().baseUrl();
    }

    public String pageUrl(String raw) {
        return base() + "/c/" + raw;
    }

    public String contactUrl(String raw, String via) {
        return pageUrl(raw) + "/contact?via=" + via;
    }
}
