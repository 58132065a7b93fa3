package io.backorder.inventory.bench;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service as deployed, with two differences: the outbox relay is off (it and the embedded broker would share
 * the two cores with the measurement; the transactions still write every outbox row), and logging is quiet.
 */
public class BenchProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("backorder.messaging.outbox.relay-enabled", "false",
                "quarkus.log.level", "WARN",
                "quarkus.log.category.\"io.backorder\".level", "WARN");
    }
}
