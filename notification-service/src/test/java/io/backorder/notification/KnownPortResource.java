package io.backorder.notification;

import java.util.Map;

import io.backorder.infra.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Links in messages must lead back to the application under test, so its port is chosen before it starts and the
 * links' base URL is set to it.
 */
public class KnownPortResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        int port = FreePorts.next();
        return Map.of("quarkus.http.test-port", String.valueOf(port),
                "backorder.notification.links.base-url", "http://127.0.0.1:" + port);
    }

    @Override
    public void stop() {
    }
}
