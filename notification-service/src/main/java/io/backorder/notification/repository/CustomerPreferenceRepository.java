package io.backorder.notification.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.notification.CustomerPreference;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CustomerPreferenceRepository implements PanacheRepositoryBase<CustomerPreference, String> {

    private static final String SAVE = """
            insert into customer_preference (customer_id, email_enabled, sms_enabled, updated_at, updated_by)
            values (?1, ?2, ?3, ?4, ?5)
            on conflict (customer_id) do update set email_enabled = excluded.email_enabled,
                sms_enabled = excluded.sms_enabled, updated_at = excluded.updated_at, updated_by = excluded.updated_by""";

    /** The customer's preference, or the default (every channel) when they never changed it. */
    public Uni<CustomerPreference> of(String customerId) {
        return findById(customerId).map(found -> found == null ? CustomerPreference.defaults(customerId) : found);
    }

    /** Stores the customer's choice, whether or not they made one before (also when two requests race). */
    public Uni<Void> save(String customerId, boolean email, boolean sms, String by, Instant now) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(SAVE)
                        .setParameter(1, customerId)
                        .setParameter(2, email)
                        .setParameter(3, sms)
                        .setParameter(4, now)
                        .setParameter(5, by)
                        .executeUpdate())
                .replaceWithVoid();
    }
}
