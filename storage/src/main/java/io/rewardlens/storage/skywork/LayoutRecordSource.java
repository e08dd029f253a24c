package io.rewardlens.storage.skywork;

import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.ImportedVerdict;
import io.rewardlens.storage.formats.LayoutException;
import io.rewardlens.storage.formats.LayoutRecord;
import io.rewardlens.storage.formats.PreferenceFormat;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The pairs of a file in one of the {@link PreferenceFormat} layouts: each record, read as a JSON
 * object, is mapped by its layout into one pair or more (which then share the record's position). A
 * pair whose side ends with a user turn, or holds no assistant turn, is not a preference pair and
 * is refused like any bad record.
 */
final class LayoutRecordSource implements RecordSource {
    private final ObjectSource objects;
    private final PreferenceFormat.RecordReader layout;
    private final Deque<LayoutRecord> pending = new ArrayDeque<>();
    private LayoutRecord current;
    private RecordProblem problem;

    LayoutRecordSource(ObjectSource objects, PreferenceFormat format) {
        this.objects = objects;
        this.layout = format.reader();
    }

    @Override
    public boolean next() throws IOException, ImportRefusedException {
        problem = null;
        current = pending.poll();
        if (current != null) {
            return true;
        }
        while (objects.next()) {
            if (objects.problem() != null) {
                problem = objects.problem();
                return true;
            }
            try {
                List<LayoutRecord> pairs = layout.read(objects.object());
                for (LayoutRecord pair : pairs) {
                    checkIsPreference(pair.chosen(), "chosen");
                    checkIsPreference(pair.rejected(), "rejected");
                }
                pending.addAll(pairs);
            } catch (LayoutException e) {
                pending.clear();
                problem =
                        new RecordProblem(
                                objects.file(),
                                objects.unit(),
                                objects.position(),
                                e.field(),
                                e.reason());
                return true;
            }
            current = pending.poll();
            if (current != null) {
                return true;
            }
        }
        return false;
    }

    private static void checkIsPreference(List<ChatMessage> side, String name)
            throws LayoutException {
        if (side.isEmpty()) {
            throw new LayoutException(name, "an empty conversation");
        }
        if (side.stream().noneMatch(m -> m.role().equals("assistant"))) {
            throw new LayoutException(
                    name, "no assistant turn: a prompt alone is not a preference pair");
        }
        if (side.get(side.size() - 1).role().equals("user")) {
            throw new LayoutException(
                    name, "ends with a user turn: a preference pair ends with the responses");
        }
    }

    @Override
    public SkyworkRecord record() {
        return current == null
                ? null
                : new SkyworkRecord(
                        current.chosen(),
                        current.rejected(),
                        current.source(),
                        current.metadataJson());
    }

    @Override
    public List<ImportedVerdict> verdicts() {
        return current == null ? List.of() : current.verdicts();
    }

    @Override
    public RecordProblem problem() {
        return problem;
    }

    @Override
    public long position() {
        return objects.position();
    }

    @Override
    public long done() {
        return objects.done();
    }

    @Override
    public long total() {
        return objects.total();
    }

    @Override
    public long blankLines() {
        return objects.blankLines();
    }

    @Override
    public void close() throws IOException {
        objects.close();
    }
}
