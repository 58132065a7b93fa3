package io.backorder.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.backorder.contracts.Addresses;
import io.backorder.contracts.Envelope;
import io.backorder.contracts.notification.ContactClicked;
import io.backorder.infra.EmbeddedBroker;
import io.backorder.insights.service.KpiMetrics;
import io.backorder.support.messaging.MessageCodec;
import io.backorder.testing.InjectBroker;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * While the broker is down the dead-letter queue cannot be browsed: the gauge keeps its last counts rather than
 * dropping to nothing, and the refresh of the other KPIs goes on. Its own profile, so the broker outage does not reach
 * the other tests' application.
 */
@QuarkusTest
@TestProfile(DeadLetterGaugeWithoutBrokerTest.OwnBroker.class)
class DeadLetterGaugeWithoutBrokerTest {

    public static class OwnBroker implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            // The test refreshes the gauges itself.
            return Map.of("backorder.messaging.metrics-refresh", "1h");
        }
    }

    private static final String GAUGE = "backorder_dead_letters{type=\"ContactClicked\"} 1.0";

    @InjectBroker
    EmbeddedBroker broker;

    @Inject
    MessageCodec codec;

    @Inject
    KpiMetrics metrics;

    @Test
    void theGaugeKeepsItsLastCountsWhileTheBrokerIsDown() throws Throwable {
        Envelope letter = codec.wrap(new ContactClicked(null, "SMS", "DLQ-DOWN", Instant.now()), null);
        broker.sendAmqp(Addresses.DEAD_LETTERS, codec.write(letter), letter.id());
        assertThat(Gauges.refreshedScrape(metrics)).contains(GAUGE);

        broker.stopServer();
        try {
            assertThat(Gauges.refreshedScrape(metrics)).contains(GAUGE);
        } finally {
            broker.startServer();
        }
    }

}
