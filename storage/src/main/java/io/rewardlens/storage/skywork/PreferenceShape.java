package io.rewardlens.storage.skywork;

import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.EncodedMessageList;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What makes a record a preference pair rather than a prompt: each side holds an assistant turn and
 * does not end with a user turn. A record that is not one is refused like any bad record, in every
 * layout.
 */
final class PreferenceShape {
    /** Roles that only ever ask; any other role (assistant, gpt, tool, ...) can answer. */
    private static final Set<String> PROMPT_ROLES = Set.of("user", "system", "developer");

    private PreferenceShape() {}

    /** What keeps the source's current (well-formed) record from being a pair, or null. */
    static RecordProblem problem(Path file, RecordSource source) {
        SkyworkRecord record = source.record();
        String chosen = problem(record.chosen());
        String side = "chosen";
        String reason = chosen;
        if (reason == null) {
            side = "rejected";
            reason = problem(record.rejected());
        }
        return reason == null
                ? null
                : new RecordProblem(file, source.unit(), source.position(), side, reason);
    }

    private static String problem(List<ChatMessage> side) {
        if (side.isEmpty()) {
            return "an empty conversation";
        }
        boolean responseTurn = false;
        for (int i = 0; i < side.size() && !responseTurn; i++) {
            responseTurn = !PROMPT_ROLES.contains(role(side, i));
        }
        if (!responseTurn) {
            return "no response turn, only user and system turns: a prompt alone is not a"
                    + " preference pair";
        }
        if (role(side, side.size() - 1).equals("user")) {
            return "ends with a user turn: a preference pair ends with the responses";
        }
        return null;
    }

    /** A message's role; for a list read from JSON, without decoding the message's text. */
    private static String role(List<ChatMessage> side, int index) {
        return side instanceof EncodedMessageList encoded
                ? encoded.role(index)
                : side.get(index).role();
    }
}
