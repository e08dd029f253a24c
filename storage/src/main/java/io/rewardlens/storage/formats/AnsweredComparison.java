package io.rewardlens.storage.formats;

import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.ImportedVerdict;
import io.rewardlens.storage.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A prompt with two responses that people compared in an annotation tool (Argilla, Label Studio),
 * and their answers. The response most people preferred becomes the pair's chosen side (the first
 * response when they are split evenly); every answer is kept as that person's verdict.
 *
 * @param prompt the prompt text
 * @param first the first response (Label Studio's left)
 * @param second the second response
 * @param answers the answers, in the tool's order
 */
record AnsweredComparison(String prompt, String first, String second, List<Answer> answers) {
    /** What one person answered. */
    enum Choice {
        FIRST,
        SECOND,
        TIE,
        BOTH_BAD
    }

    /**
     * One person's answer.
     *
     * @param annotator their id in the tool
     * @param choice what they preferred
     * @param createdAt when, or null when the tool does not say
     */
    record Answer(String annotator, Choice choice, Instant createdAt) {}

    /** Tie and both-bad answers by their usual option names, else null. */
    static Choice neitherChoice(String option) {
        String name = option.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return switch (name) {
            case "tie", "equal", "same", "draw", "bothgood", "equallygood" -> Choice.TIE;
            case "bothbad", "neither", "nonegood" -> Choice.BOTH_BAD;
            default -> null;
        };
    }

    /** Whether the option names a field ({@code response-1} names {@code response_1}). */
    static boolean namesField(String option, String field) {
        return normalized(option).equals(normalized(field));
    }

    private static String normalized(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /**
     * The comparison as a pair with its verdicts.
     *
     * @param source the pair's source, or null
     * @param metadataJson unmapped fields, or null
     * @param importedAt the time for answers the tool gave no time for
     */
    LayoutRecord toRecord(String source, String metadataJson, Instant importedAt) {
        long firstVotes = answers.stream().filter(a -> a.choice() == Choice.FIRST).count();
        long secondVotes = answers.stream().filter(a -> a.choice() == Choice.SECOND).count();
        boolean secondChosen = secondVotes > firstVotes;
        List<ImportedVerdict> verdicts = new ArrayList<>(answers.size());
        for (Answer answer : answers) {
            Verdict verdict =
                    switch (answer.choice()) {
                        case FIRST -> secondChosen ? Verdict.B_BETTER : Verdict.A_BETTER;
                        case SECOND -> secondChosen ? Verdict.A_BETTER : Verdict.B_BETTER;
                        case TIE -> Verdict.TIE;
                        case BOTH_BAD -> Verdict.BOTH_BAD;
                    };
            verdicts.add(
                    new ImportedVerdict(
                            answer.annotator(),
                            verdict,
                            null,
                            List.of(),
                            "",
                            answer.createdAt() == null ? importedAt : answer.createdAt()));
        }
        List<ChatMessage> firstConversation = Fields.exchange(prompt, first);
        List<ChatMessage> secondConversation = Fields.exchange(prompt, second);
        return new LayoutRecord(
                secondChosen ? secondConversation : firstConversation,
                secondChosen ? firstConversation : secondConversation,
                source,
                metadataJson,
                verdicts);
    }
}
