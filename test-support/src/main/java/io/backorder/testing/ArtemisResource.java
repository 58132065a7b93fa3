package io.backorder.testing;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import io.backorder.infra.EmbeddedBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An embedded ActiveMQ Artemis broker with an AMQP 1.0 acceptor on a free port. Test fields annotated with
 * {@link InjectBroker} receive it.
 */
public class ArtemisResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedBroker broker;

    @Override
    public Map<String, String> start() {
        broker = EmbeddedBroker.start(Path.of("target", "artemis-" + UUID.randomUUID()), false);
        return Map.of("amqp-host", broker.host(), "amqp-port", String.valueOf(broker.amqpPort()));
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(broker,
                new TestInjector.AnnotatedAndMatchesType(InjectBroker.class, EmbeddedBroker.class));
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
