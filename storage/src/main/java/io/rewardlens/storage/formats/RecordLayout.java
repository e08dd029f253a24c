package io.rewardlens.storage.formats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** How one layout turns a record into preference pairs. */
interface RecordLayout {
    /**
     * The pairs of one record (most layouts give one; RewardBench 2 gives one per chosen and
     * rejected combination).
     *
     * @throws LayoutException when the record does not fit the layout
     */
    List<LayoutRecord> read(ObjectNode record) throws LayoutException;
}
