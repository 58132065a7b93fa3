package io.backorder.order;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts the Stripe API stand-in and points the Stripe adapter at it; fields annotated {@link InjectStripe} get it. */
public class StripeStubResource implements QuarkusTestResourceLifecycleManager {

    private StripeStub stub;

    @Override
    public Map<String, String> start() {
        stub = new StripeStub();
        return Map.of("order.payment.stripe.base-url", stub.baseUrl(), "order.payment.stripe.api-key",
                StripeStub.API_KEY);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(stub, new TestInjector.AnnotatedAndMatchesType(InjectStripe.class,
                StripeStub.class));
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
        }
    }
}
