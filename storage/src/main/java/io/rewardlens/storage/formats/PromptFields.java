package io.rewardlens.storage.formats;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Which text field of an annotation tool's record is the prompt. */
final class PromptFields {
    private static final Set<String> PROMPT_NAMES =
            Set.of("prompt", "instruction", "question", "input", "query", "context", "text");

    private PromptFields() {}

    /**
     * The prompt among {@code texts}, leaving out {@code responses}: the first with a usual prompt
     * name, else the first left; null when none is left.
     */
    static String pick(List<String> texts, List<String> responses) {
        String first = null;
        for (String name : texts) {
            if (responses.contains(name)) {
                continue;
            }
            if (PROMPT_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
                return name;
            }
            if (first == null) {
                first = name;
            }
        }
        return first;
    }
}
