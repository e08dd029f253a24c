package io.rewardlens.storage.skywork;

import java.io.Closeable;
import java.io.IOException;

/** Writes exported pairs to one output file, in one layout, in order. */
interface RecordWriter extends Closeable {
    void write(ExportedPair record) throws IOException;
}
