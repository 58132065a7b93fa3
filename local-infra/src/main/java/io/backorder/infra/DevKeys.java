package io.backorder.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * An RSA key pair for signing development and test JWTs, and the tokens the demo users carry. The
 * services verify tokens with {@link #publicKeyPem()} ({@code mp.jwt.verify.publickey}) and expect
 * {@link #ISSUER} and {@link #AUDIENCE}.
 */
public final class DevKeys {

    public static final String ISSUER = "https://backorder.local/issuer";
    public static final String AUDIENCE = "backorder-suite";
    public static final String PRIVATE_KEY_FILE = "private-key.pem";
    public static final String PUBLIC_KEY_FILE = "public-key.pem";

    private static final Duration DEMO_TOKEN_TTL = Duration.ofHours(12);
    private static final int KEY_SIZE = 2048;

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private DevKeys(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    public static DevKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_SIZE);
            var pair = generator.generateKeyPair();
            return new DevKeys(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate an RSA key pair", e);
        }
    }

    /**
     * Reads {@value #PRIVATE_KEY_FILE} and {@value #PUBLIC_KEY_FILE} from {@code dir}, or generates and
     * stores a new pair there, so that tokens issued before a restart of the local stack stay valid.
     */
    public static DevKeys loadOrCreate(Path dir) {
        Path privateKeyFile = dir.resolve(PRIVATE_KEY_FILE);
        try {
            Files.createDirectories(dir);
            // the local stack and a test run may start together: both must end up with the same keys
            synchronized (DevKeys.class) {
                try (FileChannel lockFile = FileChannel.open(dir.resolve(".keys.lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
                    boolean stored = Files.exists(privateKeyFile);
                    DevKeys keys = stored
                            ? fromPrivateKeyPem(Files.readString(privateKeyFile, StandardCharsets.US_ASCII))
                            : generate();
                    if (!stored) {
                        writeAtomically(privateKeyFile, pem("PRIVATE KEY", keys.privateKey.getEncoded()), true);
                    }
                    keys.publicKeyFile(dir);
                    return keys;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load or store the development keys in " + dir, e);
        }
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** Writes {@value #PUBLIC_KEY_FILE} into {@code dir} unless it already holds this key; returns its path. */
    public Path publicKeyFile(Path dir) {
        Path file = dir.resolve(PUBLIC_KEY_FILE);
        try {
            if (!Files.exists(file) || !Files.readString(file, StandardCharsets.US_ASCII).equals(publicKeyPem())) {
                Files.createDirectories(dir);
                writeAtomically(file, publicKeyPem(), false);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /**
     * An RS256 token for {@code subject} ({@code sub} and {@code upn}) with {@code roles} as
     * {@code groups}; {@code extraClaims} are added last and may override any other claim.
     */
    public String token(String subject, Set<String> roles, Map<String, Object> extraClaims, Duration ttl) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .upn(subject)
                .groups(roles)
                .expiresIn(ttl);
        extraClaims.forEach(claims::claim);
        return claims.jws().algorithm(SignatureAlgorithm.RS256).sign(privateKey);
    }

    public String platformToken() {
        return token("demo-platform", Set.of("platform"), Map.of(), DEMO_TOKEN_TTL);
    }

    public String operatorToken() {
        return token("demo-operator", Set.of("operator"), Map.of(), DEMO_TOKEN_TTL);
    }

    public String supplierToken(String supplierId) {
        return token(supplierId, Set.of("supplier"), Map.of("supplier_id", supplierId), DEMO_TOKEN_TTL);
    }

    private static DevKeys fromPrivateKeyPem(String pem) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(pemBytes(pem)));
            RSAPrivateCrtKey crt = (RSAPrivateCrtKey) privateKey;
            PublicKey publicKey = rsa.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            return new DevKeys(privateKey, publicKey);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("Not a PKCS#8 RSA private key", e);
        }
    }

    private static byte[] pemBytes(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }

    private static String pem(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }

    /** Two processes starting at once (local stack and a test) must never see half a key file. */
    private static void writeAtomically(Path file, String content, boolean ownerOnly) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.US_ASCII);
            if (!ownerOnly) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
