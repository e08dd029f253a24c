package io.rewardlens.scoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Remembers the SHA-256 of files already hashed, keyed by absolute path, size and modification
 * time, so that a multi-gigabyte trace is hashed once rather than at every load. A changed size or
 * modification time means the file is hashed again. The cache is a small text file; {@link #none()}
 * hashes every time.
 */
public final class FileHashCache {
    private static final String FILE_NAME = "file-sha256.tsv";

    private final Path file;
    private final Map<String, Entry> entries = new HashMap<>();
    private boolean loaded;

    private FileHashCache(Path file) {
        this.file = file;
    }

    /**
     * A cache kept in {@code directory/file-sha256.tsv}.
     *
     * @param directory where to keep the cache file; created when needed
     * @return the cache
     */
    public static FileHashCache inDirectory(Path directory) {
        return new FileHashCache(directory.resolve(FILE_NAME));
    }

    /**
     * A cache in the user's cache directory ({@code $XDG_CACHE_HOME/rewardlens}, {@code
     * ~/.cache/rewardlens}, {@code ~/Library/Caches/RewardLens} or {@code
     * %LOCALAPPDATA%\RewardLens\cache}).
     *
     * @return the cache
     */
    public static FileHashCache inUserCacheDirectory() {
        return inDirectory(userCacheDirectory());
    }

    /**
     * No cache: every file is hashed at every load.
     *
     * @return a cache that remembers nothing
     */
    public static FileHashCache none() {
        return new FileHashCache(null);
    }

    /**
     * Returns the user's cache directory for RewardLens.
     *
     * @return the per-user cache folder (not created)
     */
    public static Path userCacheDirectory() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            Path base = local != null ? Path.of(local) : home.resolve("AppData").resolve("Local");
            return base.resolve("RewardLens").resolve("cache");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Caches").resolve("RewardLens");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".cache");
        return base.resolve("rewardlens");
    }

    /**
     * Returns the SHA-256 of a file, from the cache when its size and modification time are
     * unchanged, else by reading it (and remembering the result).
     *
     * @param path the file
     * @return the lower-case hex SHA-256
     * @throws IOException when the file cannot be read
     */
    public synchronized String sha256(Path path) throws IOException {
        Path absolute = path.toAbsolutePath().normalize();
        BasicFileAttributes attributes = Files.readAttributes(absolute, BasicFileAttributes.class);
        long size = attributes.size();
        long modified = attributes.lastModifiedTime().toMillis();
        String key = absolute.toString();
        if (file != null) {
            load();
            Entry known = entries.get(key);
            if (known != null && known.size == size && known.modifiedMillis == modified) {
                return known.sha256;
            }
        }
        String sha256 = Sha256.ofFile(absolute);
        if (file != null && key.indexOf('\n') < 0 && key.indexOf('\r') < 0) {
            entries.put(key, new Entry(sha256, size, modified));
            save();
        }
        return sha256;
    }

    private void load() throws IOException {
        if (loaded) {
            return;
        }
        loaded = true;
        if (!Files.isRegularFile(file)) {
            return;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            // A damaged line is skipped: the file is only re-hashed, never trusted wrongly.
            String[] fields = line.split("\t", 4);
            if (fields.length != 4 || fields[0].length() != 64) {
                continue;
            }
            try {
                entries.put(
                        fields[3],
                        new Entry(fields[0], Long.parseLong(fields[1]), Long.parseLong(fields[2])));
            } catch (NumberFormatException e) {
                continue;
            }
        }
    }

    private void save() throws IOException {
        List<String> lines = new ArrayList<>(entries.size());
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            Entry v = e.getValue();
            lines.add(v.sha256 + "\t" + v.size + "\t" + v.modifiedMillis + "\t" + e.getKey());
        }
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
        try {
            Files.write(temp, lines, StandardCharsets.UTF_8);
            try {
                Files.move(
                        temp,
                        file,
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | UncheckedIOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    @Override
    public String toString() {
        return file == null ? "FileHashCache[none]" : "FileHashCache[" + file + "]";
    }

    private record Entry(String sha256, long size, long modifiedMillis) {}
}
