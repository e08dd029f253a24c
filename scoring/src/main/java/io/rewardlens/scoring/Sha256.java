package io.rewardlens.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;

/** SHA-256 digests in lower-case hex, as bundle.json, cache keys and provenance use them. */
final class Sha256 {
    private Sha256() {}

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    static String ofFile(Path file) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String ofText(String text) {
        return HexFormat.of().formatHex(newDigest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Hashes token ids as little-endian int64, the bytes numpy's {@code int64} array holds. */
    static String ofTokenIds(long[] ids) {
        ByteBuffer bytes = ByteBuffer.allocate(ids.length * Long.BYTES);
        bytes.order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().put(ids);
        return HexFormat.of().formatHex(newDigest().digest(bytes.array()));
    }

    /**
     * The bundle content hash: SHA-256 over one line per file, sorted by name, {@code
     * "<name>\t<sha256>\n"}.
     */
    static String ofFileList(SortedMap<String, String> fileHashes) {
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, String> entry : fileHashes.entrySet()) {
            lines.append(entry.getKey()).append('\t').append(entry.getValue()).append('\n');
        }
        return ofText(lines.toString());
    }
}
