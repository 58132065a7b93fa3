package io.backorder.inventory;

/**
 * Where a replenishment suggestion stands. PROPOSED and REQUESTED are open (at most one per SKU); the others are
 * final. PROPOSED -> REQUESTED on approval (by an operator, or by the planner when auto-request applies) ->
 * ORDERED when supplier-service issues the purchase order. A PROPOSED suggestion can be DISMISSED by an operator or
 * SUPERSEDED by a newer planning run; a REQUESTED one that no purchase order answered in time EXPIRES, so that the
 * SKU can be planned again.
 */
public enum SuggestionState {
    PROPOSED, REQUESTED, ORDERED, EXPIRED, DISMISSED, SUPERSEDED;

    public boolean isOpen() {
        return this == PROPOSED || this == REQUESTED;
    }
}
