package io.rewardlens.storage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Per-token score arrays as stored in BLOB columns: little-endian float32, no header. */
final class FloatBlobs {
    private FloatBlobs() {}

    static byte[] encode(float[] values) {
        if (values == null) {
            return null;
        }
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES);
        bytes.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(values);
        return bytes.array();
    }

    static float[] decode(byte[] blob) {
        if (blob == null) {
            return null;
        }
        if (blob.length % Float.BYTES != 0) {
            throw new StoreException(
                    "stored per-token scores have a broken length: " + blob.length);
        }
        float[] values = new float[blob.length / Float.BYTES];
        ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }
}
