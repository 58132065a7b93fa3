package io.backorder.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DeploymentPolicyTest {

    static Stream<Arguments> overlaysAndChecks() {
        return Overlays.names()
                .stream()
                .flatMap(overlay -> Policies.all()
                        .entrySet()
                        .stream()
                        .map(check -> Arguments.of(overlay, check.getKey(), check.getValue())));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndChecks")
    void everyOverlayFollowsThePolicy(String overlay, String name, Check check) {
        assertThat(check.violations(Overlays.rendered(overlay).manifest())).isEmpty();
    }

    @Test
    void noCredentialIsCommitted() {
        assertThat(CommittedSecrets.violations(Repository.deploy())).isEmpty();
    }
}
