package io.rewardlens.storage.formats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rewardlens.storage.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Anthropic's HH-RLHF: {@code chosen} and {@code rejected} are whole transcripts of {@code
 * \n\nHuman: …} and {@code \n\nAssistant: …} turns that share everything up to the last assistant
 * marker. That shared part is the prompt, split into alternating turns (a {@code \n\nHuman:} inside
 * a human turn is text, as is an {@code \n\nAssistant:} inside an assistant turn); what follows it
 * on each side is that side's final assistant turn, whatever it holds.
 */
final class HhRlhfLayout implements RecordLayout {
    private static final String HUMAN = "\n\nHuman:";
    private static final String ASSISTANT = "\n\nAssistant:";
    private static final Set<String> MAPPED = Set.of("chosen", "rejected", "source");

    @Override
    public List<LayoutRecord> read(ObjectNode record) throws LayoutException {
        String chosen = withLeadingBreak(Fields.string(record, "chosen"));
        String rejected = withLeadingBreak(Fields.string(record, "rejected"));
        int completionMarker = lastSharedAssistantMarker(chosen, rejected);
        List<ChatMessage> prompt = turns(chosen.substring(0, completionMarker));
        int completionStart = completionMarker + ASSISTANT.length();
        return List.of(
                new LayoutRecord(
                        Fields.joined(prompt, completion(chosen, completionStart)),
                        Fields.joined(prompt, completion(rejected, completionStart)),
                        Fields.optionalString(record, "source"),
                        Fields.metadata(record, MAPPED),
                        List.of()));
    }

    /** Transcripts usually start with the break; a few start with "Human:" itself. */
    private static String withLeadingBreak(String transcript) {
        return transcript.startsWith("Human:") ? "\n\n" + transcript : transcript;
    }

    private static int lastSharedAssistantMarker(String chosen, String rejected)
            throws LayoutException {
        if (!chosen.startsWith(HUMAN)) {
            throw new LayoutException("chosen", "a transcript starts with \"\\n\\nHuman:\"");
        }
        if (!rejected.startsWith(HUMAN)) {
            throw new LayoutException("rejected", "a transcript starts with \"\\n\\nHuman:\"");
        }
        int shared = 0;
        int limit = Math.min(chosen.length(), rejected.length());
        while (shared < limit && chosen.charAt(shared) == rejected.charAt(shared)) {
            shared++;
        }
        int marker = chosen.lastIndexOf(ASSISTANT, shared - ASSISTANT.length());
        if (marker < 0 || marker + ASSISTANT.length() > shared) {
            throw new LayoutException(
                    "chosen",
                    "chosen and rejected share no prompt ending in \"\\n\\nAssistant:\" (their"
                            + " first "
                            + shared
                            + " characters are the same)");
        }
        return marker;
    }

    private static List<ChatMessage> completion(String transcript, int start) {
        return List.of(new ChatMessage("assistant", text(transcript, start, transcript.length())));
    }

    /** The alternating turns of a transcript that starts with a human marker. */
    private static List<ChatMessage> turns(String transcript) {
        List<ChatMessage> turns = new ArrayList<>();
        boolean human = true;
        int start = HUMAN.length();
        while (true) {
            String next = human ? ASSISTANT : HUMAN;
            int end = transcript.indexOf(next, start);
            int stop = end < 0 ? transcript.length() : end;
            turns.add(new ChatMessage(human ? "user" : "assistant", text(transcript, start, stop)));
            if (end < 0) {
                return turns;
            }
            start = end + next.length();
            human = !human;
        }
    }

    /** A turn's text, without the one space after its marker. */
    private static String text(String transcript, int start, int end) {
        if (start < end && transcript.charAt(start) == ' ') {
            start++;
        }
        return transcript.substring(start, end);
    }
}
