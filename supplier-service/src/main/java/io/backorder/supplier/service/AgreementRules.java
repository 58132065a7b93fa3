package io.backorder.supplier.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.backorder.supplier.rest.AgreementRequest;
import io.backorder.supplier.rest.AgreementRequest.PriceBreakRequest;
import io.backorder.support.rest.Problem.Violation;

/** Rules across the fields of an agreement; field-by-field rules are Bean Validation constraints on the request. */
final class AgreementRules {

    private AgreementRules() {
    }

    /** Call on a request whose single fields are valid. */
    static List<Violation> violations(AgreementRequest request) {
        List<Violation> violations = new ArrayList<>();
        if (request.validTo() != null && request.validTo().isBefore(request.validFrom())) {
            violations.add(new Violation("validTo", "must not be before validFrom"));
        }
        List<PriceBreakRequest> breaks = request.priceBreaks() == null
                ? List.of()
                : request.priceBreaks()
                        .stream()
                        .sorted(Comparator.comparing(PriceBreakRequest::minQuantity))
                        .toList();
        for (int i = 0; i < breaks.size(); i++) {
            PriceBreakRequest current = breaks.get(i);
            if (current.unitPrice().compareTo(request.unitPrice()) > 0) {
                violations.add(new Violation("priceBreaks", "the break at " + current.minQuantity()
                        + " costs more than the unit price"));
            }
            if (i > 0 && current.minQuantity().equals(breaks.get(i - 1).minQuantity())) {
                violations.add(new Violation("priceBreaks", "two breaks at " + current.minQuantity()));
            } else if (i > 0 && current.unitPrice().compareTo(breaks.get(i - 1).unitPrice()) > 0) {
                violations.add(new Violation("priceBreaks", "the break at " + current.minQuantity()
                        + " costs more per unit than the break at " + breaks.get(i - 1).minQuantity()));
            }
        }
        if ((request.urgentLeadTimeDays() == null) != (request.urgentSurchargePercent() == null)) {
            violations.add(new Violation("urgentSurchargePercent",
                    "an urgent clause needs both urgentLeadTimeDays and urgentSurchargePercent"));
        } else if (request.urgentLeadTimeDays() != null && request.urgentLeadTimeDays() >= request.leadTimeDays()) {
            violations.add(new Violation("urgentLeadTimeDays", "must be shorter than leadTimeDays"));
        }
        if (request.dropship() && request.dropshipLeadTimeDays() == null) {
            violations.add(new Violation("dropshipLeadTimeDays", "is required when the supplier dropships"));
        }
        if (!request.dropship() && (request.dropshipLeadTimeDays() != null || request.dropshipFee() != null)) {
            violations.add(new Violation("dropship", "must be true when dropship terms are given"));
        }
        return violations;
    }
}
