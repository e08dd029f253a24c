package io.rewardlens.storage.skywork;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Encodes and writes records on a background thread while the caller keeps reading the store, so
 * that reading SQLite and writing the output run at the same time. A write failure is reported by
 * the next {@link #write} or by {@link #close()}.
 */
final class BackgroundRecordWriter implements RecordWriter {
    private static final int BATCH = 256;
    private static final int AHEAD = 4;
    private static final List<ExportedPair> END = List.of();

    private final RecordWriter target;
    private final BlockingQueue<List<ExportedPair>> queue = new ArrayBlockingQueue<>(AHEAD);
    private final Thread writer;
    private volatile Exception failure;
    private List<ExportedPair> batch = new ArrayList<>(BATCH);
    private boolean closed;

    BackgroundRecordWriter(RecordWriter target) {
        this.target = target;
        this.writer = new Thread(this::drain, "rewardlens-export-writer");
        writer.setDaemon(true);
        writer.start();
    }

    private void drain() {
        try {
            while (true) {
                List<ExportedPair> records = queue.take();
                if (records == END) {
                    return;
                }
                if (failure == null) {
                    for (ExportedPair record : records) {
                        target.write(record);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            failure = e;
            // Keep taking batches so the producer never blocks on a full queue.
            drainAfterFailure();
        }
    }

    private void drainAfterFailure() {
        try {
            while (queue.take() != END) {
                // Discard: the export has failed and will be reported.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void write(ExportedPair record) throws IOException {
        rethrow();
        batch.add(record);
        if (batch.size() == BATCH) {
            hand(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    private void hand(List<ExportedPair> records) throws IOException {
        try {
            queue.put(records);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing", e);
        }
    }

    private void rethrow() throws IOException {
        Exception e = failure;
        if (e instanceof IOException io) {
            throw io;
        }
        if (e != null) {
            throw (RuntimeException) e;
        }
    }

    /** Writes what is left, waits for the background thread and closes the target. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!batch.isEmpty()) {
                hand(batch);
            }
            hand(END);
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while finishing the output", e);
        } finally {
            target.close();
        }
        rethrow();
    }
}
