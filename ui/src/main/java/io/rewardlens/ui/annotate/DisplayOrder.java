package io.rewardlens.ui.annotate;

import io.rewardlens.storage.Side;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Decides which stored side of a pair an annotator sees as response A. The order looks random (so
 * position bias does not line up with the dataset's label) but is a pure function of pair and
 * annotator, so revisiting a pair shows the same order: the first bit of SHA-256 of {@code
 * "<annotator>\n<pairId>"}.
 */
public final class DisplayOrder {
    private DisplayOrder() {}

    /**
     * The stored side shown as A.
     *
     * @param pairId the pair
     * @param annotator who looks at it
     * @return {@link Side#CHOSEN} or {@link Side#REJECTED}, each for about half the pairs
     */
    public static Side shownAsA(long pairId, String annotator) {
        byte[] digest =
                sha256().digest((annotator + "\n" + pairId).getBytes(StandardCharsets.UTF_8));
        return (digest[0] & 0x80) == 0 ? Side.CHOSEN : Side.REJECTED;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
