package io.backorder.insights;

import io.backorder.testing.ArtemisResource;
import io.backorder.testing.JwtResource;
import io.backorder.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Real PostgreSQL, a real AMQP broker and token verification for every test of this module. */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(ArtemisResource.class)
@QuarkusTestResource(JwtResource.class)
public class TestInfrastructure {
}
