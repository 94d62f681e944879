package co.mipresgateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Making and hashing tokens. Both kinds carry at least 122 random bits, so a plain SHA-256 is enough to store
 * them: there is nothing to guess that a slow hash would protect.
 */
public final class TokenHashes {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder();

    private TokenHashes() {
    }

    /** 32 random bytes in base64url: 44 characters ending in '=', never '/' or '+', like the ministry's. */
    public static String newSessionToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    /** A primary token shaped like the ministry's: an upper-case GUID. */
    public static String newPrimaryToken() {
        return java.util.UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }

    /** Primary tokens are GUIDs: compared without regard to case, as callers copy them by hand. */
    public static String hashPrimary(String token) {
        return sha256(token.trim().toUpperCase(Locale.ROOT));
    }

    public static String hashSession(String token) {
        return sha256(token);
    }

    public static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
