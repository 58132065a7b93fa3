package io.backorder.supplier;

import java.util.List;
import java.util.Optional;

/** The outcome of a sourcing decision: the offer taken (if any), every offer weighed, and why. */
public record Choice(Offer chosen, List<Offer> offers, List<String> reasons) {

    public Choice {
        offers = List.copyOf(offers);
        reasons = List.copyOf(reasons);
    }

    public Optional<Offer> chosenOffer() {
        return Optional.ofNullable(chosen);
    }
}
