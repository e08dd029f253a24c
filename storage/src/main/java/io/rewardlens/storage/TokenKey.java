package io.rewardlens.storage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The cache key of one tokenized input: the SHA-256 digest of its token ids, each written as a
 * little-endian 64-bit integer. Equal ids give equal keys, so an input is never scored twice.
 */
public final class TokenKey {
    private final byte[] digest;

    private TokenKey(byte[] digest) {
        this.digest = digest;
    }

    /** The key of a token-id sequence. */
    public static TokenKey ofTokenIds(long[] tokenIds) {
        ByteBuffer bytes = ByteBuffer.allocate(tokenIds.length * Long.BYTES);
        bytes.order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().put(tokenIds);
        return new TokenKey(sha256().digest(bytes.array()));
    }

    /** The key of a token-id sequence; the same key as {@link #ofTokenIds(long[])} gives. */
    public static TokenKey ofTokenIds(int[] tokenIds) {
        return ofTokenIds(Arrays.stream(tokenIds).asLongStream().toArray());
    }

    /** A key from a digest stored earlier ({@link #digest()}); must be 32 bytes. */
    public static TokenKey ofDigest(byte[] digest) {
        if (digest.length != 32) {
            throw new IllegalArgumentException("a token key is 32 bytes, got " + digest.length);
        }
        return new TokenKey(digest.clone());
    }

    /** The 32-byte digest. */
    public byte[] digest() {
        return digest.clone();
    }

    byte[] digestUnsafe() {
        return digest;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenKey that && Arrays.equals(digest, that.digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(digest);
    }
}
