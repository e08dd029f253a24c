package io.rewardlens.app.report;

import io.rewardlens.storage.ToolVersion;
import io.rewardlens.storage.analysis.AnalysisData;
import io.rewardlens.storage.analysis.AnalysisScope;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The report's title and what it covers: the store, when and by which version it was written, the
 * datasets and sources in scope and how many pairs are scored and annotated.
 */
final class ScopeSection implements ReportSection {
    @Override
    public void write(ReportContext context) {
        StringBuilder md = context.markdown();
        AnalysisData data = context.data();
        AnalysisScope scope = data.scope();
        long scored = data.pairs().stream().filter(p -> !p.scores().isEmpty()).count();
        long annotated =
                data.pairs().stream().filter(p -> !p.features().annotations().isEmpty()).count();
        md.append("# RewardLens report\n\n");
        md.append("Store: `")
                .append(context.store().file().getFileName())
                .append("` · generated ")
                .append(context.generatedAt().truncatedTo(ChronoUnit.SECONDS))
                .append(" by RewardLens ")
                .append(ToolVersion.current())
                .append("\n\n");
        md.append("- Datasets: ").append(listOrAll(scope.datasets())).append('\n');
        if (!scope.sources().isEmpty()) {
            md.append("- Sources: ").append(listOrAll(scope.sources())).append('\n');
        }
        md.append("- Pairs analysed: ")
                .append(data.pairs().size())
                .append(" (scored by at least one model: ")
                .append(scored)
                .append(", with human verdicts: ")
                .append(annotated)
                .append(")\n\n");
    }

    private static String listOrAll(Set<String> names) {
        return names.isEmpty()
                ? "all"
                : names.stream().sorted().map(n -> "`" + n + "`").collect(Collectors.joining(", "));
    }
}
