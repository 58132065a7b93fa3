package io.backorder.order.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

import io.backorder.order.config.OrderConfig;

/** Chooses the payment provider by {@code order.payment.provider}. */
public class PaymentProviders {

    @Produces
    @ApplicationScoped
    PaymentProvider provider(OrderConfig config, Instance<SandboxPaymentProvider> sandbox,
            Instance<StripePaymentProvider> stripe) {
        return switch (config.payment().provider()) {
            case "sandbox" -> sandbox.get();
            case "stripe" -> {
                if (config.payment().stripe().apiKey().isEmpty()) {
                    throw new IllegalStateException("order.payment.provider=stripe needs order.payment.stripe.api-key");
                }
                yield stripe.get();
            }
            default -> throw new IllegalStateException("Unknown order.payment.provider "
                    + config.payment().provider() + " (sandbox or stripe)");
        };
    }
}
