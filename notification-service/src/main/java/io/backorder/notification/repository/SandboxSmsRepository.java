package io.backorder.notification.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.notification.SandboxSms;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SandboxSmsRepository implements PanacheRepositoryBase<SandboxSms, String> {

    /** Newest first; all recipients when {@code to} is null. */
    public Uni<List<SandboxSms>> recent(String to, int limit) {
        return (to == null
                ? find("order by createdAt desc, sid")
                : find("to = ?1 order by createdAt desc, sid", to)).page(0, limit).list();
    }
}
