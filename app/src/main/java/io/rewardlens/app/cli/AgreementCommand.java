package io.rewardlens.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.analysis.TeamAgreement;
import io.rewardlens.storage.analysis.TeamAgreement.AnnotatorAgreement;
import io.rewardlens.storage.analysis.TeamAgreement.GroupAgreement;
import io.rewardlens.storage.analysis.TeamAgreement.Result;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rewardlens agreement}: how far the annotators of a store agree. */
@Command(
        name = "agreement",
        mixinStandardHelpOptions = true,
        description = {
            "Measure inter-annotator agreement on the verdict in force per annotator and pair"
                    + " (skips and the adjudicator left out), with DKPro Statistics: percent"
                    + " agreement, Cohen's kappa per two annotators, Fleiss' kappa, Krippendorff's"
                    + " alpha (nominal: chosen, rejected, tie, both bad) and an ordinal alpha on"
                    + " the signed strength (-3..+3, 0 = tie); per source, per tag, and each"
                    + " annotator against the majority and the dataset label.",
        })
public final class AgreementCommand implements Callable<Integer> {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Mixin StoreOptions store;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Only these datasets.")
    List<String> datasets = List.of();

    @Option(
            names = "--annotator",
            paramLabel = "NAME",
            description = "Only these annotators (default: everyone but the adjudicator).")
    List<String> annotators = List.of();

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Result result;
        try (PreferenceStore db = store.openExisting()) {
            for (String name : datasets) {
                if (db.dataset(name).isEmpty()) {
                    throw Datasets.unknown(name, store.database, db);
                }
            }
            result =
                    TeamAgreement.of(
                            TeamAgreement.load(
                                    db,
                                    new LinkedHashSet<>(datasets),
                                    new LinkedHashSet<>(annotators)));
        }
        if (json) {
            out.println(JSON.writeValueAsString(toJson(result)));
        } else {
            printTable(result, out);
        }
        out.flush();
        return 0;
    }

    /** The result in the layout the README promises. */
    static ObjectNode toJson(Result result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("pairs", result.pairs());
        result.annotators().forEach(root.putArray("annotators")::add);
        root.put("percent_agreement", result.percentAgreement());
        ObjectNode cohen = root.putObject("cohen_kappa");
        result.cohenKappa().forEach(cohen::put);
        root.put("fleiss_kappa", result.fleissKappa());
        root.put("fleiss_raters", result.fleissRaters());
        root.put("fleiss_pairs", result.fleissPairs());
        root.put("krippendorff_alpha", result.krippendorffAlpha());
        root.put("alpha_ordinal_strength", result.alphaOrdinalStrength());
        groups(root.putObject("per_source"), result.perSource());
        groups(root.putObject("per_tag"), result.perTag());
        ObjectNode people = root.putObject("per_annotator");
        result.perAnnotator()
                .forEach(
                        (who, a) -> {
                            ObjectNode one = people.putObject(who);
                            one.put("verdicts", a.verdicts());
                            one.put("with_majority", a.withMajority());
                            one.put("majority_pairs", a.majorityPairs());
                            one.put("with_label", a.withLabel());
                            one.put("side_verdicts", a.sideVerdicts());
                        });
        result.notes().forEach(root.putArray("notes")::add);
        return root;
    }

    private static void groups(ObjectNode into, Map<String, GroupAgreement> groups) {
        groups.forEach(
                (name, group) -> {
                    ObjectNode one = into.putObject(name);
                    one.put("pairs", group.pairs());
                    one.put("percent_agreement", group.percentAgreement());
                    one.put("krippendorff_alpha", group.krippendorffAlpha());
                });
    }

    private static void printTable(Result result, PrintWriter out) {
        out.printf(
                "%s judged by two people or more; annotators: %s%n",
                Plural.of(result.pairs(), "pair"),
                result.annotators().isEmpty() ? "none" : String.join(", ", result.annotators()));
        out.printf("percent agreement      %s%n", number(result.percentAgreement()));
        out.printf(
                "Fleiss' kappa          %s (%s, %d verdicts each)%n",
                number(result.fleissKappa()),
                Plural.of(result.fleissPairs(), "pair"),
                result.fleissRaters());
        out.printf("Krippendorff's alpha   %s%n", number(result.krippendorffAlpha()));
        out.printf("ordinal alpha strength %s%n", number(result.alphaOrdinalStrength()));
        result.cohenKappa()
                .forEach(
                        (two, kappa) -> out.printf("Cohen's kappa %-20s %s%n", two, number(kappa)));
        for (Map.Entry<String, GroupAgreement> source : result.perSource().entrySet()) {
            out.printf(
                    "source %-30s %6d pairs  agreement %s  alpha %s%n",
                    source.getKey(),
                    source.getValue().pairs(),
                    number(source.getValue().percentAgreement()),
                    number(source.getValue().krippendorffAlpha()));
        }
        for (Map.Entry<String, AnnotatorAgreement> who : result.perAnnotator().entrySet()) {
            out.printf(
                    "annotator %-27s %6d verdicts  with majority %s  with label %s%n",
                    who.getKey(),
                    who.getValue().verdicts(),
                    number(who.getValue().withMajority()),
                    number(who.getValue().withLabel()));
        }
        result.notes().forEach(note -> out.println("note: " + note));
    }

    private static String number(Double value) {
        return value == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.3f", value);
    }
}
