package io.backorder.order;

/** Why the customer has to update the payment method. */
public enum PaymentAction {
    AUTHORIZATION_DECLINED, VERIFICATION_DECLINED, CAPTURE_FAILED
}
