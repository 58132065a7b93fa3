package io.backorder.supplier.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import io.backorder.supplier.Agreement;
import io.backorder.supplier.PriceBreak;
import io.backorder.supplier.repository.AgreementRepository;
import io.backorder.supplier.repository.PurchaseOrderLineRepository;
import io.backorder.supplier.repository.SupplierRepository;
import io.backorder.supplier.rest.AgreementRequest;
import io.backorder.supplier.rest.AgreementView;
import io.backorder.supplier.rest.FieldsProblem;
import io.backorder.supplier.rest.ImportResult;
import io.backorder.support.rest.ConflictProblem;
import io.backorder.support.rest.NotFoundProblem;
import io.backorder.support.rest.Problem.Violation;
import io.backorder.support.rest.UnprocessableProblem;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Supplier agreements. The periods of one supplier's agreements for one SKU never overlap, so exactly one applies
 * on any day; changes check that under a lock on the supplier row.
 */
@ApplicationScoped
public class AgreementService {

    private final AgreementRepository agreements;
    private final SupplierRepository suppliers;
    private final PurchaseOrderLineRepository lines;
    private final SupplyTermsService supplyTerms;
    private final Validator validator;
    private final Clock clock;

    public AgreementService(AgreementRepository agreements, SupplierRepository suppliers,
            PurchaseOrderLineRepository lines, SupplyTermsService supplyTerms, Validator validator, Clock clock) {
        this.agreements = agreements;
        this.suppliers = suppliers;
        this.lines = lines;
        this.supplyTerms = supplyTerms;
        this.validator = validator;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<AgreementView> create(AgreementRequest request) {
        requireConsistent(request);
        return lockSupplier(request.supplierId())
                .flatMap(ignored -> agreements.ofSuppliers(List.of(request.supplierId())))
                .flatMap(existing -> {
                    requireNoOverlap(request, null, existing);
                    Agreement agreement = new Agreement();
                    agreement.id = UUID.randomUUID();
                    agreement.createdAt = Instant.now(clock);
                    apply(agreement, request);
                    return agreements.persist(agreement);
                })
                .call(created -> supplyTerms.refresh(List.of(created.sku), null))
                .map(AgreementView::of);
    }

    /** Replaces the terms; supplier and SKU of an agreement never change. */
    @WithTransaction
    public Uni<AgreementView> update(UUID id, AgreementRequest request) {
        requireConsistent(request);
        return find(id).flatMap(agreement -> {
            if (!agreement.supplierId.equals(request.supplierId()) || !agreement.sku.equals(request.sku())) {
                throw new UnprocessableProblem("An agreement keeps its supplier and SKU; create a new one instead");
            }
            return lockSupplier(agreement.supplierId)
                    .flatMap(ignored -> agreements.ofSuppliers(List.of(agreement.supplierId)))
                    .map(existing -> {
                        requireNoOverlap(request, id, existing);
                        apply(agreement, request);
                        return AgreementView.of(agreement);
                    })
                    .call(() -> supplyTerms.refresh(List.of(agreement.sku), null));
        });
    }

    @WithSession
    public Uni<AgreementView> get(UUID id) {
        return find(id).map(AgreementView::of);
    }

    @WithSession
    public Uni<List<AgreementView>> list(String supplierId, String sku, LocalDate validOn, int page, int size) {
        return agreements.search(supplierId, sku, validOn, page, size)
                .map(found -> found.stream().map(AgreementView::of).toList());
    }

    /** Deletes an agreement nothing was ordered under; one that was used ends by setting its validTo instead. */
    @WithTransaction
    public Uni<Void> delete(UUID id) {
        return find(id).flatMap(agreement -> lines.count("agreementId", id).flatMap(used -> {
            if (used > 0) {
                throw new ConflictProblem("Agreement " + id + " was ordered under " + used
                        + " times; end it by setting validTo instead of deleting it");
            }
            return agreements.delete(agreement).call(() -> supplyTerms.refresh(List.of(agreement.sku), null));
        }));
    }

    /**
     * Creates or updates (matched by supplier, SKU and validFrom) every agreement of a CSV file, or none: every row
     * is checked first, and a file with a bad row is rejected with all its bad rows listed.
     */
    @WithTransaction
    public Uni<ImportResult> importCsv(String csv) {
        List<AgreementCsv.Parsed> rows;
        try {
            rows = AgreementCsv.read(csv);
        } catch (IllegalArgumentException e) {
            throw new UnprocessableProblem("The file cannot be read as agreements: " + e.getMessage());
        }
        List<Violation> violations = new ArrayList<>();
        for (AgreementCsv.Parsed row : rows) {
            violations.addAll(row.violations());
            if (row.request() != null) {
                violations.addAll(rowViolations(row));
            }
        }
        if (!violations.isEmpty()) {
            throw rejected(rows.size(), violations);
        }
        TreeSet<String> supplierIds = rows.stream()
                .map(row -> row.request().supplierId())
                .collect(Collectors.toCollection(TreeSet::new));
        return suppliers.lockInOrder(supplierIds)
                .flatMap(locked -> agreements.ofSuppliers(supplierIds).map(existing -> {
                    Set<String> known = locked.stream().map(s -> s.id).collect(Collectors.toSet());
                    return plan(rows, known, existing);
                }))
                .flatMap(plan -> {
                    Instant now = Instant.now(clock);
                    List<Agreement> created = new ArrayList<>();
                    List<Agreement> all = new ArrayList<>();
                    for (int i = 0; i < rows.size(); i++) {
                        Agreement target = plan.get(i);
                        if (target == null) {
                            target = new Agreement();
                            target.id = UUID.randomUUID();
                            target.createdAt = now;
                            created.add(target);
                        }
                        apply(target, rows.get(i).request());
                        all.add(target);
                    }
                    return agreements.persist(created)
                            .call(() -> supplyTerms.refresh(all.stream().map(a -> a.sku).toList(), null))
                            .replaceWith(new ImportResult(rows.size(), created.size(), rows.size() - created.size(),
                                    all.stream().map(AgreementView::of).toList()));
                });
    }

    /**
     * For each row, the existing agreement it updates (null: a new one). Fails listing every row whose supplier is
     * unknown or whose period would overlap another agreement of the same supplier and SKU, existing or imported.
     */
    private List<Agreement> plan(List<AgreementCsv.Parsed> rows, Set<String> knownSuppliers,
            List<Agreement> existing) {
        Map<String, Agreement> byStart = existing.stream()
                .collect(Collectors.toMap(a -> startKey(a.supplierId, a.sku, a.validFrom), Function.identity()));
        List<Agreement> targets = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (AgreementCsv.Parsed row : rows) {
            AgreementRequest request = row.request();
            targets.add(byStart.get(startKey(request.supplierId(), request.sku(), request.validFrom())));
            if (!knownSuppliers.contains(request.supplierId())) {
                violations.add(AgreementCsv.at(row.line(), "supplier_id", "no supplier " + request.supplierId()));
            }
        }
        Set<Agreement> replaced = targets.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        for (int i = 0; i < rows.size(); i++) {
            AgreementRequest request = rows.get(i).request();
            int line = rows.get(i).line();
            existing.stream()
                    .filter(other -> !replaced.contains(other) && sameSupplierAndSku(other, request)
                            && other.overlaps(request.validFrom(), request.validTo()))
                    .forEach(other -> violations.add(AgreementCsv.at(line, "valid_from", "overlaps agreement "
                            + other.id + " valid " + period(other.validFrom, other.validTo))));
            for (int j = 0; j < i; j++) {
                AgreementRequest earlier = rows.get(j).request();
                if (earlier.supplierId().equals(request.supplierId()) && earlier.sku().equals(request.sku())
                        && Agreement.periodsOverlap(earlier.validFrom(), earlier.validTo(), request.validFrom(),
                                request.validTo())) {
                    violations.add(AgreementCsv.at(line, "valid_from", "overlaps the agreement on line "
                            + rows.get(j).line()));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw rejected(rows.size(), violations);
        }
        return targets;
    }

    private List<Violation> rowViolations(AgreementCsv.Parsed row) {
        List<Violation> found = new ArrayList<>();
        for (ConstraintViolation<AgreementRequest> v : validator.validate(row.request())) {
            found.add(AgreementCsv.at(row.line(), AgreementCsv.column(v.getPropertyPath().toString()),
                    v.getMessage()));
        }
        if (found.isEmpty()) {
            AgreementRules.violations(row.request())
                    .forEach(v -> found.add(AgreementCsv.at(row.line(), AgreementCsv.column(v.field()), v.message())));
        }
        found.sort(Comparator.comparing(Violation::field));
        return found;
    }

    private static FieldsProblem rejected(int rows, List<Violation> violations) {
        long badRows = violations.stream().map(v -> v.field().split(":")[0]).distinct().count();
        return new FieldsProblem(422, "Invalid agreements", badRows + " of " + rows
                + " rows are invalid; nothing was imported", violations);
    }

    private static void requireConsistent(AgreementRequest request) {
        List<Violation> violations = AgreementRules.violations(request);
        if (!violations.isEmpty()) {
            throw FieldsProblem.invalid(violations);
        }
    }

    private static void requireNoOverlap(AgreementRequest request, UUID self, List<Agreement> existing) {
        existing.stream()
                .filter(other -> !other.id.equals(self) && sameSupplierAndSku(other, request)
                        && other.overlaps(request.validFrom(), request.validTo()))
                .findFirst()
                .ifPresent(other -> {
                    throw new ConflictProblem("The period " + period(request.validFrom(), request.validTo())
                            + " overlaps agreement " + other.id + " valid " + period(other.validFrom, other.validTo)
                            + " for the same supplier and SKU");
                });
    }

    private Uni<Void> lockSupplier(String supplierId) {
        return suppliers.lockInOrder(List.of(supplierId)).map(found -> {
            if (found.isEmpty()) {
                throw new UnprocessableProblem("No supplier " + supplierId);
            }
            return null;
        });
    }

    private Uni<Agreement> find(UUID id) {
        return agreements.findById(id).onItem().ifNull().failWith(() -> new NotFoundProblem("No agreement " + id));
    }

    private void apply(Agreement agreement, AgreementRequest request) {
        agreement.supplierId = request.supplierId();
        agreement.sku = request.sku();
        agreement.currency = request.currency();
        agreement.unitPrice = request.unitPrice();
        agreement.priceBreaks = request.priceBreaks() == null
                ? new ArrayList<>()
                : request.priceBreaks()
                        .stream()
                        .map(b -> new PriceBreak(b.minQuantity(), b.unitPrice()))
                        .sorted(Comparator.comparingInt(PriceBreak::minQuantity))
                        .collect(Collectors.toCollection(ArrayList::new));
        agreement.leadTimeDays = request.leadTimeDays();
        agreement.minOrderQuantity = request.minOrderQuantity() == null ? 1 : request.minOrderQuantity();
        agreement.packSize = request.packSize() == null ? 1 : request.packSize();
        agreement.orderCost = request.orderCost() == null ? BigDecimal.ZERO : request.orderCost();
        agreement.validFrom = request.validFrom();
        agreement.validTo = request.validTo();
        agreement.urgentLeadTimeDays = request.urgentLeadTimeDays();
        agreement.urgentSurchargePercent = request.urgentSurchargePercent();
        agreement.dropship = request.dropship();
        agreement.dropshipLeadTimeDays = request.dropshipLeadTimeDays();
        agreement.dropshipFee = request.dropshipFee();
        agreement.updatedAt = Instant.now(clock);
    }

    private static boolean sameSupplierAndSku(Agreement agreement, AgreementRequest request) {
        return agreement.supplierId.equals(request.supplierId()) && agreement.sku.equals(request.sku());
    }

    private static String startKey(String supplierId, String sku, LocalDate validFrom) {
        return supplierId + "\u0000" + sku + "\u0000" + validFrom;
    }

    private static String period(LocalDate from, LocalDate to) {
        return from + " to " + (to == null ? "open end" : to);
    }
}
