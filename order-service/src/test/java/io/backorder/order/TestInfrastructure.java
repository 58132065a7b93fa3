package io.backorder.order;

import io.backorder.testing.ArtemisResource;
import io.backorder.testing.JwtResource;
import io.backorder.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * Real PostgreSQL, a real AMQP broker and token verification for every test of this module, and a local stand-in
 * for the Stripe API (the default provider stays the sandbox).
 */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(ArtemisResource.class)
@QuarkusTestResource(JwtResource.class)
@QuarkusTestResource(StripeStubResource.class)
public class TestInfrastructure {
}
