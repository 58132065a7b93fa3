package io.backorder.order;

/** Whether an order leaves in one parcel or line by line as units are ready. */
public enum ShippingPreference {
    SHIP_COMPLETE, SHIP_AVAILABLE
}
