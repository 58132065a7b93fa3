package io.backorder.inventory.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.inventory.BackorderPolicy;
import io.backorder.inventory.Location;
import io.backorder.inventory.Sku;
import io.backorder.inventory.config.InventoryConfig;
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

    /** One SKU to create or replace. */
    public record SkuUpsert(String sku, SkuRequest request) {
    }

    private final SkuRepository skus;
    private final QueueService queues;
    private final Clock clock;
    private final int defaultLeadTimeDays;

    public CatalogService(SkuRepository skus, QueueService queues, Clock clock, InventoryConfig config) {
        this.skus = skus;
        this.queues = queues;
        this.clock = clock;
        this.defaultLeadTimeDays = config.defaultLeadTimeDays();
    }

    @WithTransaction
    public Uni<Sku> upsertSku(String id, SkuRequest request) {
        return upsertAll(List.of(new SkuUpsert(id, request))).map(saved -> saved.get(0));
    }

    /**
     * Creates or replaces the SKUs, all or none. A changed lead time or launch date moves the promises of the SKU's
     * waiting lines, which are told.
     */
    @WithTransaction
    public Uni<List<Sku>> upsertAll(List<SkuUpsert> upserts) {
        upserts.forEach(upsert -> policyProblem(upsert.request()).ifPresent(problem -> {
            throw new UnprocessableProblem(upsert.sku() + ": " + problem);
        }));
        return skus.lockInOrder(upserts.stream().map(SkuUpsert::sku).toList()).chain(locked -> {
            Map<String, Sku> existing = locked.stream().collect(Collectors.toMap(sku -> sku.sku, Function.identity()));
            List<Sku> saved = new ArrayList<>();
            List<Sku> created = new ArrayList<>();
            List<Sku> retimed = new ArrayList<>();
            for (SkuUpsert upsert : upserts) {
                Sku sku = existing.get(upsert.sku());
                if (sku == null) {
                    sku = newSku(upsert.sku());
                    created.add(sku);
                } else if (timingChanges(sku, upsert.request())) {
                    retimed.add(sku);
                }
                apply(sku, upsert.request());
                saved.add(sku);
            }
            Uni<Void> persisted = created.isEmpty() ? Uni.createFrom().voidItem() : skus.persist(created);
            return persisted
                    .chain(() -> queues.settle(retimed, QueueService.Trigger.promisesOnly(
                            "the item's lead time or launch date changed"), null))
                    .replaceWith(saved);
        });
    }

    /** Why the policy fields of a request do not fit together, if they do not. */
    public static Optional<String> policyProblem(SkuRequest request) {
        if (request.backorderPolicy() == BackorderPolicy.ALLOW_CAPPED && request.backorderCap() == null
                && !request.capToInbound()) {
            return Optional.of("ALLOW_CAPPED needs a backorderCap or capToInbound");
        }
        if (request.backorderPolicy() == BackorderPolicy.PREORDER && request.launchDate() == null) {
            return Optional.of("PREORDER needs a launchDate");
        }
        return Optional.empty();
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

    private boolean timingChanges(Sku sku, SkuRequest request) {
        return sku.leadTimeDays != leadTime(request) || !Objects.equals(sku.launchDate, request.launchDate());
    }

    private void apply(Sku sku, SkuRequest request) {
        sku.name = request.name();
        sku.backorderPolicy = request.backorderPolicy();
        sku.backorderCap = request.backorderCap();
        sku.capToInbound = request.capToInbound();
        sku.launchDate = request.launchDate();
        sku.leadTimeDays = leadTime(request);
        sku.substitutionGroup = request.substitutionGroup();
        sku.unitPrice = request.unitPrice();
        sku.planningClass = request.planningClass();
        sku.updatedAt = Instant.now(clock);
    }

    private int leadTime(SkuRequest request) {
        return request.leadTimeDays() == null ? defaultLeadTimeDays : request.leadTimeDays();
    }

    private Sku newSku(String id) {
        Sku sku = new Sku();
        sku.sku = id;
        sku.createdAt = Instant.now(clock);
        return sku;
    }
}
