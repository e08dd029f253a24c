package io.rewardlens.storage.skywork;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads and parses records on a background thread, a few batches ahead of the consumer, so that
 * parsing JSON and writing SQLite run at the same time. The wrapped source is used only by that
 * thread, which also closes it. Failures of the background thread reach the consumer at the point
 * in the file where they happened.
 */
final class PrefetchingRecordSource implements RecordSource {
    private static final int BATCH = 64;

    /** Batches in flight: bounds the memory held ahead (about 2 x 64 records). */
    private static final int AHEAD = 2;

    /** A run of records read ahead, or the end of the input, or a failure. */
    private record Batch(
            SkyworkRecord[] records,
            RecordProblem[] problems,
            long[] positions,
            int size,
            long done,
            long blankLines,
            boolean end,
            Throwable failure) {}

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(AHEAD);
    private final Thread reader;
    private final long total;
    private final String unit;
    private volatile boolean cancelled;
    private Batch current;
    private int index;
    private long done;
    private long blankLines;

    PrefetchingRecordSource(RecordSource source) {
        this.total = source.total();
        this.unit = source.unit();
        this.reader = new Thread(() -> readAhead(source), "rewardlens-import-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void readAhead(RecordSource source) {
        try (source) {
            while (!cancelled) {
                SkyworkRecord[] records = new SkyworkRecord[BATCH];
                RecordProblem[] problems = new RecordProblem[BATCH];
                long[] positions = new long[BATCH];
                int size = 0;
                boolean more = true;
                while (size < BATCH && (more = source.next())) {
                    records[size] = source.record();
                    problems[size] = source.problem();
                    positions[size] = source.position();
                    size++;
                }
                queue.put(
                        new Batch(
                                records,
                                problems,
                                positions,
                                size,
                                source.done(),
                                source.blankLines(),
                                !more,
                                null));
                if (!more) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            // Cancelled by close(): nobody waits for more.
        } catch (Exception | Error e) {
            // An Error too (out of memory, say): left uncaught it would end this thread silently
            // and leave the importer waiting for a batch that never comes.
            if (!cancelled) {
                try {
                    queue.put(new Batch(null, null, null, 0, 0, 0, true, e));
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Override
    public boolean next() throws IOException, ImportRefusedException {
        if (current != null && index + 1 < current.size()) {
            index++;
            return true;
        }
        while (true) {
            if (current != null && current.end()) {
                return false;
            }
            try {
                current = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading", e);
            }
            index = 0;
            if (current.failure() != null) {
                Throwable failure = current.failure();
                if (failure instanceof Error error) {
                    throw error;
                }
                if (failure instanceof ImportRefusedException refused) {
                    throw refused;
                }
                if (failure instanceof IOException io) {
                    throw io;
                }
                throw (RuntimeException) failure;
            }
            done = current.done();
            blankLines = current.blankLines();
            if (current.size() > 0) {
                return true;
            }
        }
    }

    @Override
    public SkyworkRecord record() {
        return current.records()[index];
    }

    @Override
    public RecordProblem problem() {
        return current.problems()[index];
    }

    @Override
    public long position() {
        return current.positions()[index];
    }

    @Override
    public String unit() {
        return unit;
    }

    @Override
    public long done() {
        return done;
    }

    @Override
    public long total() {
        return total;
    }

    @Override
    public long blankLines() {
        return blankLines;
    }

    /** Stops the background thread (it closes the wrapped source) and waits for it. */
    @Override
    public void close() throws IOException {
        cancelled = true;
        reader.interrupt();
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
