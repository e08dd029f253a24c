package io.rewardlens.storage.skywork;

import java.io.Closeable;
import java.io.IOException;

/** Writes Skywork records to one output file, in order. */
interface RecordWriter extends Closeable {
    void write(SkyworkRecord record) throws IOException;
}
