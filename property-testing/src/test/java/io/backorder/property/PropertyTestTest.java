package io.backorder.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

class PropertyTestTest {

    /** Not run by the build on its own (a nested class): run below, where its failures are expected. */
    static class OddSeedsOnly {

        @PropertyTest(tries = 6)
        void seedIsOdd(Draw draw) {
            assertThat(draw.seed() % 2).as("remainder").isNotZero();
        }
    }

    @Test
    void aFailingTryNamesItsSeedAndEndsTheProperty() {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create()
                .execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(OddSeedsOnly.class)).build(),
                        listener);
        TestExecutionSummary summary = listener.getSummary();

        assertThat(summary.getFailures()).hasSize(1);
        String message = summary.getFailures().get(0).getException().getMessage();
        Matcher named = Pattern.compile(
                "seed (\\d+) failed \\(-Dproperty\\.seed=\\1 runs it first\\): .*\\[remainder].*", Pattern.DOTALL)
                .matcher(message);
        assertThat(named.matches()).as(message).isTrue();
        assertThat(Long.parseLong(named.group(1)) % 2).as("failing seed").isZero();
        // an odd first seed passes, then the even one after it fails
        assertThat(summary.getTestsSucceededCount()).isLessThanOrEqualTo(1);
        assertThat(summary.getTestsStartedCount()).isEqualTo(6);
        assertThat(summary.getTestsAbortedCount()).isEqualTo(5 - summary.getTestsSucceededCount());
    }
}
