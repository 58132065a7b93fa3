package io.backorder.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevKeysTest {

    @TempDir
    Path dir;

    @Test
    void tokenVerifiesWithThePublicKey() throws Exception {
        DevKeys keys = DevKeys.generate();
        String token = keys.token("alice", Set.of("operator", "platform"), Map.of("tenant", "eu", "level", 3),
                Duration.ofMinutes(5));

        JwtClaims claims = verify(token, keys.publicKey());
        assertEquals("alice", claims.getSubject());
        assertEquals("alice", claims.getStringClaimValue("upn"));
        assertEquals(Set.of("operator", "platform"), Set.copyOf(claims.getStringListClaimValue("groups")));
        assertEquals("eu", claims.getStringClaimValue("tenant"));
        assertEquals(3L, claims.getClaimValue("level"));
        long lifetime = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
        assertEquals(300, lifetime);
    }

    @Test
    void demoTokensCarryRolesAndSupplierId() throws Exception {
        DevKeys keys = DevKeys.generate();
        assertEquals(List.of("platform"),
                verify(keys.platformToken(), keys.publicKey()).getStringListClaimValue("groups"));
        assertEquals("demo-operator", verify(keys.operatorToken(), keys.publicKey()).getSubject());

        JwtClaims supplier = verify(keys.supplierToken("SUP-42"), keys.publicKey());
        assertEquals("SUP-42", supplier.getSubject());
        assertEquals(List.of("supplier"), supplier.getStringListClaimValue("groups"));
        assertEquals("SUP-42", supplier.getStringClaimValue("supplier_id"));
        long lifetime = supplier.getExpirationTime().getValue() - supplier.getIssuedAt().getValue();
        assertEquals(Duration.ofHours(12).toSeconds(), lifetime);
    }

    @Test
    void tokenFromOtherKeysIsRejected() {
        String token = DevKeys.generate().platformToken();
        assertThrows(InvalidJwtException.class, () -> verify(token, DevKeys.generate().publicKey()));
    }

    @Test
    void storedKeysAreReused() throws Exception {
        DevKeys first = DevKeys.loadOrCreate(dir.resolve("keys"));
        DevKeys second = DevKeys.loadOrCreate(dir.resolve("keys"));

        assertEquals(first.publicKeyPem(), second.publicKeyPem());
        assertTrue(Files.readString(dir.resolve("keys/private-key.pem")).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertEquals(first.publicKeyPem(), Files.readString(dir.resolve("keys/public-key.pem")));
        assertTrue(first.publicKeyPem().startsWith("-----BEGIN PUBLIC KEY-----\n"));
        verify(first.operatorToken(), second.publicKey());

        Path exported = first.publicKeyFile(dir.resolve("service-config"));
        assertEquals(first.publicKeyPem(), Files.readString(exported));
    }

    private static JwtClaims verify(String token, PublicKey key) throws InvalidJwtException {
        return new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setExpectedIssuer(DevKeys.ISSUER)
                .setExpectedAudience(DevKeys.AUDIENCE)
                .setRequireExpirationTime()
                .build()
                .processToClaims(token);
    }
}
