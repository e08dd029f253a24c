package io.rewardlens.ui.annotate;

import io.rewardlens.storage.ChatMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * How the pair view words what a message is beyond its text: the header of a turn (its role, and
 * for a tool result the tool's name and the call it answers) and one line per tool call of an
 * assistant turn, {@code → get_weather({"city": "Paris"})}.
 */
final class MessageDisplay {
    private static final String SEPARATOR = " \u00b7 ";

    private MessageDisplay() {}

    /**
     * The header of a turn: the role, followed by the message's {@code name} and {@code
     * tool_call_id} when it has them ({@code tool · get_weather · call_1}).
     */
    static String label(ChatMessage message) {
        StringBuilder label = new StringBuilder(message.role());
        for (String field : List.of("name", "tool_call_id")) {
            String value = message.stringField(field);
            if (value != null && !value.isEmpty()) {
                label.append(SEPARATOR).append(value);
            }
        }
        return label.toString();
    }

    /** One line per tool call: an arrow, the function and its arguments, and the call's id. */
    static List<String> toolCallLines(ChatMessage message) {
        List<String> lines = new ArrayList<>();
        for (ChatMessage.ToolCall call : message.toolCalls()) {
            StringBuilder line =
                    new StringBuilder("\u2192 ")
                            .append(call.name())
                            .append('(')
                            .append(spaced(call.arguments()))
                            .append(')');
            if (call.id() != null && !call.id().isEmpty()) {
                line.append(SEPARATOR).append(call.id());
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * Compact JSON made easier to read: a space after each {@code :} and {@code ,} outside strings,
     * as Python's {@code json.dumps} writes it. Text that is not JSON keeps its characters; only
     * those spaces are added.
     */
    static String spaced(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            out.append(c);
            if (inString) {
                if (c == '\\' && i + 1 < json.length()) {
                    out.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if ((c == ':' || c == ',')
                    && i + 1 < json.length()
                    && !Character.isWhitespace(json.charAt(i + 1))) {
                out.append(' ');
            }
        }
        return out.toString();
    }
}
