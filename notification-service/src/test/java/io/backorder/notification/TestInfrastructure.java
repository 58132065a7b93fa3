package io.backorder.notification;

import io.backorder.testing.ArtemisResource;
import io.backorder.testing.JwtResource;
import io.backorder.testing.MailResource;
import io.backorder.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Real PostgreSQL, AMQP broker and SMTP server, token verification, and a known HTTP port for every test. */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(ArtemisResource.class)
@QuarkusTestResource(JwtResource.class)
@QuarkusTestResource(MailResource.class)
@QuarkusTestResource(KnownPortResource.class)
public class TestInfrastructure {
}
