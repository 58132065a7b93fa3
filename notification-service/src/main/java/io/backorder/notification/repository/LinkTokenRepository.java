package io.backorder.notification.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.notification.LinkAction;
import io.backorder.notification.LinkToken;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class LinkTokenRepository implements PanacheRepositoryBase<LinkToken, UUID> {

    private static final String USE = """
            insert into link_token_use (token_id, action, used_at) values (?1, ?2, ?3)
            on conflict (token_id, action) do nothing""";
    private static final String USED = "select count(*) from link_token_use where token_id = ?1 and action = ?2";

    public Uni<LinkToken> byHash(byte[] hash) {
        return find("tokenHash", hash).firstResult();
    }

    /** Uses the link for the action; false when it had been used for it before (also by a parallel request). */
    public Uni<Boolean> use(UUID tokenId, LinkAction action, Instant now) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(USE)
                        .setParameter(1, tokenId)
                        .setParameter(2, action.name())
                        .setParameter(3, now)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    public Uni<Boolean> used(UUID tokenId, LinkAction action) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(USED, Long.class)
                        .setParameter(1, tokenId)
                        .setParameter(2, action.name())
                        .getSingleResult())
                .map(count -> count > 0);
    }
}
