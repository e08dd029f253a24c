package io.rewardlens.storage.skywork;

import io.rewardlens.storage.ChatMessage;
import java.util.List;

/** Which pairs each {@link ExportLayout} can hold; the others are left out with a reason. */
final class LayoutRules {
    private LayoutRules() {}

    /** Why the layout cannot hold the pair, or null when it can. */
    static LeftOutReason refusal(ExportLayout layout, ExportedPair pair) {
        return switch (layout) {
            case SKYWORK, TRL -> null;
            case OPENAI_DPO -> {
                if (pair.pair().diverging()) {
                    yield LeftOutReason.DIVERGING;
                }
                if (!oneAssistantMessage(pair.chosen()) || !oneAssistantMessage(pair.rejected())) {
                    yield LeftOutReason.NOT_ONE_ASSISTANT_REPLY;
                }
                yield pair.prompt().isEmpty() ? LeftOutReason.NO_PROMPT : null;
            }
            case REWARDBENCH -> {
                if (pair.pair().diverging()) {
                    yield LeftOutReason.DIVERGING;
                }
                if (pair.prompt().stream().anyMatch(m -> m.role().equals("system"))) {
                    yield LeftOutReason.SYSTEM_TURN;
                }
                if (pair.prompt().size() != 1 || !pair.prompt().get(0).role().equals("user")) {
                    yield LeftOutReason.NOT_ONE_USER_TURN;
                }
                if (!oneAssistantMessage(pair.chosen()) || !oneAssistantMessage(pair.rejected())) {
                    yield LeftOutReason.NOT_ONE_ASSISTANT_REPLY;
                }
                boolean calls =
                        pair.prompt().get(0).toolCalls().size()
                                        + pair.chosen().get(0).toolCalls().size()
                                        + pair.rejected().get(0).toolCalls().size()
                                > 0;
                yield calls ? LeftOutReason.TOOL_CALLS_NOT_FLAT : null;
            }
        };
    }

    private static boolean oneAssistantMessage(List<ChatMessage> messages) {
        return messages.size() == 1 && messages.get(0).role().equals("assistant");
    }
}
