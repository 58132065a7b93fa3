package io.backorder.testing;

import java.nio.file.Path;

import io.backorder.infra.DevKeys;

/**
 * Bearer tokens for tests. The key pair lives under {@code target/} so that the test resource (which configures the
 * application) and the test code (which signs) agree even when Quarkus loads them in different class loaders.
 */
public final class Tokens {

    private Tokens() {
    }

    public static synchronized DevKeys keys() {
        return DevKeys.loadOrCreate(Path.of("target", "test-keys"));
    }

    public static String platform() {
        return keys().platformToken();
    }

    public static String operator() {
        return keys().operatorToken();
    }

    public static String supplier(String supplierId) {
        return keys().supplierToken(supplierId);
    }
}
