package io.backorder.notification.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.notification.ContactClick;
import io.backorder.notification.NotificationKind;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ContactClickRepository implements PanacheRepositoryBase<ContactClick, Long> {

    public record Count(ContactClick.Via via, NotificationKind kind, long clicks) {
    }

    private static final String COUNT_SINCE = "select new " + Count.class.getName()
            + "(c.via, c.kind, count(c)) from ContactClick c where c.clickedAt >= :since"
            + " group by c.via, c.kind order by c.via, c.kind";

    public Uni<List<Count>> countSince(Instant since) {
        return Panache.getSession()
                .flatMap(session -> session.createQuery(COUNT_SINCE, Count.class)
                        .setParameter("since", since)
                        .getResultList());
    }
}
