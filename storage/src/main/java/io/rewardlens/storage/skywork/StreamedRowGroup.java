package io.rewardlens.storage.skywork;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.Util;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.io.ParquetDecodingException;

/**
 * One row group of a Parquet file, read page by page as the record reader asks for them: each
 * column has its own stream positioned in its column chunk, and only the page being decoded is in
 * memory.
 *
 * <p>parquet-java's {@code ParquetFileReader.readNextRowGroup} reads every requested column chunk
 * of a row group into memory first, so a file written as one large row group (common for Hub
 * exports) would need a heap larger than the file. Page headers are parsed with parquet-format's
 * own Thrift reader and pages decompressed with the reader's codecs; page checksums are not
 * verified, as parquet-java does not by default.
 */
final class StreamedRowGroup implements PageReadStore {
    private static final int STREAM_BUFFER = 64 * 1024;
    private static final ParquetMetadataConverter CONVERTER = new ParquetMetadataConverter();

    private final BlockMetaData block;
    private final Map<ColumnPath, ColumnChunkMetaData> chunks = new HashMap<>();
    private final Path file;
    private final CompressionCodecFactory codecs;
    private final List<InputStream> opened = new ArrayList<>();

    /** Prepares a row group; nothing is read until a column's pages are asked for. */
    StreamedRowGroup(Path file, BlockMetaData block, CompressionCodecFactory codecs) {
        this.file = file;
        this.block = block;
        this.codecs = codecs;
        for (ColumnChunkMetaData chunk : block.getColumns()) {
            chunks.put(chunk.getPath(), chunk);
        }
    }

    @Override
    public PageReader getPageReader(ColumnDescriptor column) {
        ColumnChunkMetaData chunk = chunks.get(ColumnPath.get(column.getPath()));
        if (chunk == null) {
            throw new ParquetDecodingException(
                    "row group has no column chunk for " + String.join(".", column.getPath()));
        }
        try {
            // A channel of its own per column; parquet-java's LocalInputFile reads byte by byte.
            FileChannel channel = FileChannel.open(file).position(chunk.getStartingPos());
            InputStream stream = Channels.newInputStream(channel);
            opened.add(stream);
            return new ChunkPages(
                    column,
                    chunk,
                    new CountingInputStream(new BufferedInputStream(stream, STREAM_BUFFER)),
                    codecs.getDecompressor(chunk.getCodec()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long getRowCount() {
        return block.getRowCount();
    }

    /** Closes the column streams. */
    @Override
    public void close() {
        IOException first = null;
        for (InputStream stream : opened) {
            try {
                stream.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        opened.clear();
        if (first != null) {
            throw new UncheckedIOException(first);
        }
    }

    /** The pages of one column chunk, read from its stream one at a time. */
    private static final class ChunkPages implements PageReader {
        private final ColumnDescriptor column;
        private final ColumnChunkMetaData chunk;
        private final CountingInputStream in;
        private final CompressionCodecFactory.BytesInputDecompressor decompressor;
        private long valuesRead;
        private DictionaryPage dictionary;
        private PageHeader pending;

        ChunkPages(
                ColumnDescriptor column,
                ColumnChunkMetaData chunk,
                CountingInputStream in,
                CompressionCodecFactory.BytesInputDecompressor decompressor)
                throws IOException {
            this.column = column;
            this.chunk = chunk;
            this.in = in;
            this.decompressor = decompressor;
            PageHeader first = nextHeader();
            if (first != null && first.isSetDictionary_page_header()) {
                DictionaryPageHeader header = first.getDictionary_page_header();
                dictionary =
                        new DictionaryPage(
                                decompressed(first),
                                header.getNum_values(),
                                CONVERTER.getEncoding(header.getEncoding()));
            } else {
                pending = first;
            }
        }

        @Override
        public DictionaryPage readDictionaryPage() {
            return dictionary;
        }

        @Override
        public long getTotalValueCount() {
            return chunk.getValueCount();
        }

        @Override
        public DataPage readPage() {
            try {
                PageHeader header = pending != null ? pending : nextHeader();
                pending = null;
                while (header != null && !isDataPage(header)) {
                    skip(header.getCompressed_page_size()); // index pages, which no reader uses
                    header = nextHeader();
                }
                return header == null ? null : dataPage(header);
            } catch (IOException e) {
                throw new ParquetDecodingException(
                        "cannot read a page of column " + chunk.getPath().toDotString(), e);
            }
        }

        private static boolean isDataPage(PageHeader header) {
            return header.isSetData_page_header() || header.isSetData_page_header_v2();
        }

        /** The next page header, or null once the chunk's values or bytes are all read. */
        private PageHeader nextHeader() throws IOException {
            if (valuesRead >= chunk.getValueCount() || in.count() >= chunk.getTotalSize()) {
                return null;
            }
            return Util.readPageHeader(in);
        }

        private DataPage dataPage(PageHeader header) throws IOException {
            Statistics<?> noStatistics = Statistics.createStats(column.getPrimitiveType());
            if (header.isSetData_page_header()) {
                DataPageHeader page = header.getData_page_header();
                valuesRead += page.getNum_values();
                return new DataPageV1(
                        decompressed(header),
                        page.getNum_values(),
                        header.getUncompressed_page_size(),
                        noStatistics,
                        CONVERTER.getEncoding(page.getRepetition_level_encoding()),
                        CONVERTER.getEncoding(page.getDefinition_level_encoding()),
                        CONVERTER.getEncoding(page.getEncoding()));
            }
            DataPageHeaderV2 page = header.getData_page_header_v2();
            valuesRead += page.getNum_values();
            int levelsSize =
                    page.getRepetition_levels_byte_length()
                            + page.getDefinition_levels_byte_length();
            BytesInput repetition = BytesInput.from(read(page.getRepetition_levels_byte_length()));
            BytesInput definition = BytesInput.from(read(page.getDefinition_levels_byte_length()));
            BytesInput data = BytesInput.from(read(header.getCompressed_page_size() - levelsSize));
            int dataSize = header.getUncompressed_page_size() - levelsSize;
            if (!page.isSetIs_compressed() || page.isIs_compressed()) {
                data = decompress(data, dataSize);
            }
            return DataPageV2.uncompressed(
                    page.getNum_rows(),
                    page.getNum_nulls(),
                    page.getNum_values(),
                    repetition,
                    definition,
                    CONVERTER.getEncoding(page.getEncoding()),
                    data,
                    noStatistics);
        }

        /** A V1 or dictionary page's bytes, decompressed and held apart from the stream. */
        private BytesInput decompressed(PageHeader header) throws IOException {
            BytesInput compressed = BytesInput.from(read(header.getCompressed_page_size()));
            return decompress(compressed, header.getUncompressed_page_size());
        }

        /**
         * Decompresses now: parquet-java's decompressors may return a lazy view over a decompressor
         * the reader shares between columns.
         */
        private BytesInput decompress(BytesInput compressed, int size) throws IOException {
            byte[] bytes = new byte[size];
            try (InputStream lazy = decompressor.decompress(compressed, size).toInputStream()) {
                if (lazy.readNBytes(bytes, 0, size) != size) {
                    throw new EOFException("page decompresses to fewer than " + size + " bytes");
                }
            }
            return BytesInput.from(bytes);
        }

        private byte[] read(int size) throws IOException {
            if (size < 0) {
                throw new IOException("negative page size " + size);
            }
            byte[] bytes = in.readNBytes(size);
            if (bytes.length != size) {
                throw new EOFException(
                        "column chunk ends inside a page (%d of %d bytes)"
                                .formatted(bytes.length, size));
            }
            return bytes;
        }

        private void skip(int size) throws IOException {
            in.skipNBytes(size);
        }
    }
}
