package io.backorder.testing;

import java.util.Map;

import io.backorder.infra.DevKeys;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Configures token verification with the test key pair that {@link Tokens} signs with. */
public class JwtResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("mp.jwt.verify.publickey", Tokens.keys().publicKeyPem(),
                "mp.jwt.verify.issuer", DevKeys.ISSUER,
                "mp.jwt.verify.audiences", DevKeys.AUDIENCE);
    }

    @Override
    public void stop() {
    }
}
