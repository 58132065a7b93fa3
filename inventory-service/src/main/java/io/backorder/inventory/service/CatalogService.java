package io.backorder.inventory.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.inventory.BackorderPolicy;
import io.backorder.inventory.Location;
import io.backorder.inventory.Sku;
import io.backorder.inventory.repository.SkuRepository;
import io.backorder.inventory.rest.LocationRequest;
import io.backorder.inventory.rest.SkuRequest;
import io.backorder.support.rest.NotFoundProblem;
import io.backorder.support.rest.UnprocessableProblem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** SKUs with their backorder policy, and stock locations. */
@ApplicationScoped
public class CatalogService {

    private static final int DEFAULT_LEAD_TIME_DAYS = 14;

    private final SkuRepository skus;
    private final Clock clock;

    public CatalogService(SkuRepository skus, Clock clock) {
        this.skus = skus;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Sku> upsertSku(String id, SkuRequest request) {
        requireConsistentPolicy(request);
        return skus.findById(id).flatMap(existing -> {
            Sku sku = existing != null ? existing : newSku(id);
            sku.name = request.name();
            sku.backorderPolicy = request.backorderPolicy();
            sku.backorderCap = request.backorderCap();
            sku.capToInbound = request.capToInbound();
            sku.launchDate = request.launchDate();
            sku.leadTimeDays = request.leadTimeDays() == null ? DEFAULT_LEAD_TIME_DAYS : request.leadTimeDays();
            sku.substitutionGroup = request.substitutionGroup();
            sku.unitPrice = request.unitPrice();
            sku.updatedAt = Instant.now(clock);
            return existing != null ? Uni.createFrom().item(sku) : skus.persist(sku);
        });
    }

    @WithSession
    public Uni<Sku> sku(String id) {
        return skus.findById(id).onItem().ifNull().failWith(() -> new NotFoundProblem("No SKU " + id));
    }

    @WithSession
    public Uni<List<Sku>> skus(int page, int size) {
        return skus.findAll(Sort.by("sku")).page(page, size).list();
    }

    @WithTransaction
    public Uni<Location> upsertLocation(String id, LocationRequest request) {
        return Panache.getSession().flatMap(session -> session.find(Location.class, id).flatMap(existing -> {
            Location location = existing != null ? existing : new Location();
            location.id = id;
            location.name = request.name();
            location.region = request.region();
            return existing != null ? Uni.createFrom().item(location) : session.persist(location).replaceWith(location);
        }));
    }

    @WithSession
    public Uni<List<Location>> locations() {
        return Panache.getSession()
                .flatMap(session -> session
                        .createSelectionQuery("from Location order by id", Location.class)
                        .getResultList());
    }

    private static void requireConsistentPolicy(SkuRequest request) {
        if (request.backorderPolicy() == BackorderPolicy.ALLOW_CAPPED && request.backorderCap() == null
                && !request.capToInbound()) {
            throw new UnprocessableProblem("ALLOW_CAPPED needs a backorderCap or capToInbound");
        }
        if (request.backorderPolicy() == BackorderPolicy.PREORDER && request.launchDate() == null) {
            throw new UnprocessableProblem("PREORDER needs a launchDate");
        }
    }

    private Sku newSku(String id) {
        Sku sku = new Sku();
        sku.sku = id;
        sku.createdAt = Instant.now(clock);
        return sku;
    }
}
