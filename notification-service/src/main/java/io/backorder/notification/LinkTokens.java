package io.backorder.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secrets behind customer links. A link token is 192 random bits in base64url (32 characters); only its SHA-256
 * hash is stored. A form token is an HMAC over the link token's hash and the time the page was rendered: a form
 * can only be posted for the link it was rendered for, and only for a while.
 */
public final class LinkTokens {

    public static final int TOKEN_BYTES = 24;
    private static final int TOKEN_CHARS = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] formKey;

    public LinkTokens(String formSecret) {
        if (formSecret == null || formSecret.length() < 32) {
            throw new IllegalArgumentException("The form secret must have at least 32 characters");
        }
        this.formKey = formSecret.getBytes(StandardCharsets.UTF_8);
    }

    /** A new random token for a link. */
    public static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** The stored form of a token; empty for anything that cannot be a token we issued. */
    public static Optional<byte[]> hash(String token) {
        if (token == null || token.length() != TOKEN_CHARS) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length != TOKEN_BYTES || !ENCODER.encodeToString(bytes).equals(token)) {
            return Optional.empty(); // a non-canonical spelling of the same bytes is a tampered token
        }
        return Optional.of(sha256(bytes));
    }

    /** A form token for a page of the link with this hash, rendered now. */
    public String formToken(byte[] tokenHash, Instant now) {
        long issued = now.getEpochSecond();
        return issued + "." + ENCODER.encodeToString(mac(tokenHash, issued));
    }

    /** Whether the form token was issued for this link within {@code validity} before now. */
    public boolean verifyFormToken(String formToken, byte[] tokenHash, Instant now, Duration validity) {
        if (formToken == null) {
            return false;
        }
        int dot = formToken.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        long issued;
        byte[] presented;
        try {
            issued = Long.parseLong(formToken.substring(0, dot));
            presented = DECODER.decode(formToken.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
        Instant issuedAt = Instant.ofEpochSecond(issued);
        if (issuedAt.isAfter(now) || issuedAt.plus(validity).isBefore(now)) {
            return false;
        }
        return MessageDigest.isEqual(presented, mac(tokenHash, issued));
    }

    private byte[] mac(byte[] tokenHash, long issued) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(formKey, "HmacSHA256"));
            mac.update(tokenHash);
            mac.update(Long.toString(issued).getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
