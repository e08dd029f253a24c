package io.rewardlens.storage;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The process filling a dataset by a bulk import, as kept in {@code dataset.import_owner}: host
 * name, process id and the process's start instant ({@code "host pid instant"}, the instant {@code
 * -} where the platform does not tell). The start instant tells a process apart from a later one
 * that got the same id.
 *
 * @param host the host name the process runs on
 * @param pid its process id
 * @param started when it started, if known
 */
record ImportOwner(String host, long pid, Optional<Instant> started) {
    private static final String UNKNOWN_START = "-";

    /** The host name, looked up once: the lookup can take a while on some systems. */
    private static final class ThisHost {
        static final String NAME = lookUp();

        private static String lookUp() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "localhost";
            }
        }
    }

    /** This process. */
    static ImportOwner current() {
        ProcessHandle self = ProcessHandle.current();
        return new ImportOwner(ThisHost.NAME, self.pid(), self.info().startInstant());
    }

    /** The owner as stored, or empty for text this version does not read. */
    static Optional<ImportOwner> parse(String text) {
        String[] parts = text.split(" ");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Optional<Instant> started =
                    parts[2].equals(UNKNOWN_START)
                            ? Optional.empty()
                            : Optional.of(Instant.parse(parts[2]));
            return Optional.of(new ImportOwner(parts[0], Long.parseLong(parts[1]), started));
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The text stored in {@code dataset.import_owner}. */
    String text() {
        return host + " " + pid + " " + started.map(Instant::toString).orElse(UNKNOWN_START);
    }

    /**
     * Whether the owner is certainly gone: it ran on this host and no process with its id runs, or
     * the one that does started at another instant. An owner on another host, or one whose start
     * instant is unknown while its id is in use, counts as alive.
     */
    boolean isGoneFromThisHost() {
        if (!host.equals(ThisHost.NAME)) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return true;
        }
        Optional<Instant> runningSince = process.get().info().startInstant();
        return started.isPresent()
                && runningSince.isPresent()
                && !runningSince.get().equals(started.get());
    }
}
