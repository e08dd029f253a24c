package io.rewardlens.app.report;

import io.rewardlens.storage.Annotation;
import java.util.List;
import java.util.stream.Collectors;

/** A pair's human verdicts as one line of text, for a CSV cell or a Markdown table cell. */
final class VerdictSummary {
    private VerdictSummary() {}

    /** Verdicts as {@code annotator: chosen better; other: tie}; empty without verdicts. */
    static String of(List<Annotation> annotations) {
        return annotations.stream()
                .map(a -> a.annotator() + ": " + verdictText(a))
                .collect(Collectors.joining("; "));
    }

    private static String verdictText(Annotation annotation) {
        return annotation
                .preferredSide()
                .map(side -> side.storedName() + " better")
                .orElseGet(
                        () ->
                                switch (annotation.verdict()) {
                                    case TIE -> "tie";
                                    case BOTH_BAD -> "both bad";
                                    case SKIP -> "skipped";
                                    case A_BETTER, B_BETTER -> annotation.verdict().name();
                                });
    }
}
