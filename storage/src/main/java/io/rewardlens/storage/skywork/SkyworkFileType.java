package io.rewardlens.storage.skywork;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The container a Skywork file comes in: JSON lines, gzipped JSON lines, or Parquet with the Hub's
 * layout. {@link #detect(Path)} tells them apart by their first bytes, falling back to the file
 * name.
 */
public enum SkyworkFileType {
    /** One JSON object per line, UTF-8. */
    JSONL("jsonl"),
    /** {@link #JSONL} compressed with gzip. */
    JSONL_GZIP("jsonl.gz"),
    /** Apache Parquet with the schema of the Skywork-Reward-Preference datasets on the Hub. */
    PARQUET("parquet"),
    /** One JSON array of record objects (read only). */
    JSON("json"),
    /** {@link #JSON} compressed with gzip (read only). */
    JSON_GZIP("json.gz");

    private final String label;

    SkyworkFileType(String label) {
        this.label = label;
    }

    /** A short name for messages and provenance records: {@code jsonl}, {@code jsonl.gz}, ... */
    public String label() {
        return label;
    }

    /**
     * Detects an existing file's type from its first bytes: gzip {@code 1f 8b}, Parquet {@code
     * PAR1}, and, plain or inside the gzip, a JSON array when the first character after spaces (and
     * a byte-order mark) is {@code [}; anything else is JSON lines.
     *
     * @throws IOException if the file cannot be read
     */
    public static SkyworkFileType detect(Path file) throws IOException {
        byte[] head = new byte[4];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        if (read >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                return startsArray(in) ? JSON_GZIP : JSONL_GZIP;
            } catch (IOException damaged) {
                return JSONL_GZIP; // the reader reports the damage by line
            }
        }
        if (read == 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1') {
            return PARQUET;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return startsArray(in) ? JSON : JSONL;
        }
    }

    /** Whether the first character after JSON whitespace and a byte-order mark is '['. */
    private static boolean startsArray(InputStream in) throws IOException {
        byte[] head = in.readNBytes(1 << 12);
        int i = head.length >= 3 && (head[0] & 0xff) == 0xef ? 3 : 0;
        while (i < head.length
                && (head[i] == ' ' || head[i] == '\t' || head[i] == '\n' || head[i] == '\r')) {
            i++;
        }
        return i < head.length && head[i] == '[';
    }

    /** Whether the container is gzip-compressed. */
    public boolean gzipped() {
        return this == JSONL_GZIP || this == JSON_GZIP;
    }

    /**
     * The type a file to be written should have, judged by its name: {@code .parquet}, {@code .gz},
     * else JSON lines.
     */
    public static SkyworkFileType fromFileName(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".parquet")) {
            return PARQUET;
        }
        if (name.endsWith(".gz")) {
            return JSONL_GZIP;
        }
        return JSONL;
    }
}
