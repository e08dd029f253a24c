package io.rewardlens.storage.skywork;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Page codecs for Parquet without Hadoop: parquet-java's own Snappy, Zstandard and LZ4-raw codecs,
 * plus GZIP through {@code java.util.zip} (parquet-java would look for Hadoop's GzipCodec, which
 * parquet-floor's small shim does not have).
 */
final class ParquetCodecs implements CompressionCodecFactory {
    /** The codecs this factory can read and write. */
    static final Set<CompressionCodecName> SUPPORTED =
            EnumSet.of(
                    CompressionCodecName.UNCOMPRESSED,
                    CompressionCodecName.SNAPPY,
                    CompressionCodecName.GZIP,
                    CompressionCodecName.ZSTD,
                    CompressionCodecName.LZ4_RAW);

    private static final int PAGE_SIZE = 1 << 20;

    private final CodecFactory parquetCodecs =
            new CodecFactory(new PlainParquetConfiguration(), PAGE_SIZE);

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return codec == CompressionCodecName.GZIP ? new Gzip() : parquetCodecs.getCompressor(codec);
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return codec == CompressionCodecName.GZIP
                ? new Gzip()
                : parquetCodecs.getDecompressor(codec);
    }

    @Override
    public void release() {
        parquetCodecs.release();
    }

    /** GZIP pages (RFC 1952 members, as Hadoop and pyarrow write them). */
    private static final class Gzip implements BytesInputCompressor, BytesInputDecompressor {
        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                bytes.writeAllTo(gzip);
            }
            return BytesInput.from(out.toByteArray());
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.GZIP;
        }

        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            return BytesInput.from(inflate(bytes, uncompressedSize));
        }

        private static byte[] inflate(BytesInput bytes, int uncompressedSize) throws IOException {
            byte[] result = new byte[uncompressedSize];
            try (InputStream in = new GZIPInputStream(bytes.toInputStream())) {
                int read = in.readNBytes(result, 0, uncompressedSize);
                if (read != uncompressedSize) {
                    throw new IOException(
                            "GZIP page holds %d bytes, expected %d"
                                    .formatted(read, uncompressedSize));
                }
            }
            return result;
        }

        @Override
        public void decompress(
                ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                throws IOException {
            byte[] compressed = new byte[compressedSize];
            input.get(compressed);
            output.put(inflate(BytesInput.from(compressed), uncompressedSize));
        }

        @Override
        public void release() {}
    }
}
