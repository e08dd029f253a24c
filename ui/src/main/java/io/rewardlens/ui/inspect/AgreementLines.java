package io.rewardlens.ui.inspect;

import io.rewardlens.storage.analysis.TeamAgreement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The inter-annotator agreement table of the reports ({@link TeamAgreement}): the overall measures,
 * Cohen's kappa per two annotators, agreement per source and per tag, and each annotator against
 * the majority and the label. Free of JavaFX, so it is tested without the toolkit.
 */
final class AgreementLines {
    private AgreementLines() {}

    /**
     * One line of the table.
     *
     * @param measure what is measured
     * @param group of whom or what: annotators, a source, or empty for everything
     * @param value the value with three decimals, or {@code n/a}
     * @param over what it rests on (pairs or verdicts)
     */
    record Line(String measure, String group, String value, String over) {}

    /** The lines of a result; none when no pair was judged by two people. */
    static List<Line> of(TeamAgreement.Result result) {
        List<Line> lines = new ArrayList<>();
        if (result.pairs() == 0) {
            return lines;
        }
        String pairs = pairs(result.pairs());
        lines.add(new Line("percent agreement", "", value(result.percentAgreement()), pairs));
        lines.add(
                new Line(
                        "Fleiss' kappa",
                        "",
                        value(result.fleissKappa()),
                        result.fleissPairs()
                                + " pairs, "
                                + result.fleissRaters()
                                + " verdicts each"));
        lines.add(new Line("Krippendorff's alpha", "", value(result.krippendorffAlpha()), pairs));
        lines.add(
                new Line(
                        "ordinal alpha on strength",
                        "",
                        value(result.alphaOrdinalStrength()),
                        pairs));
        result.cohenKappa()
                .forEach(
                        (two, kappa) ->
                                lines.add(new Line("Cohen's kappa", two, value(kappa), "")));
        result.perSource()
                .forEach(
                        (source, group) ->
                                lines.add(
                                        new Line(
                                                "percent agreement",
                                                "source " + source,
                                                value(group.percentAgreement()),
                                                pairs(group.pairs()))));
        result.perTag()
                .forEach(
                        (tag, group) ->
                                lines.add(
                                        new Line(
                                                "percent agreement",
                                                "tag " + tag,
                                                value(group.percentAgreement()),
                                                pairs(group.pairs()))));
        result.perAnnotator()
                .forEach(
                        (who, a) -> {
                            lines.add(
                                    new Line(
                                            "with the majority",
                                            who,
                                            value(a.withMajority()),
                                            pairs(a.majorityPairs())));
                            lines.add(
                                    new Line(
                                            "with the label",
                                            who,
                                            value(a.withLabel()),
                                            a.sideVerdicts() + " verdicts"));
                        });
        return lines;
    }

    private static String pairs(int count) {
        return count == 1 ? "1 pair" : count + " pairs";
    }

    private static String value(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }
}
