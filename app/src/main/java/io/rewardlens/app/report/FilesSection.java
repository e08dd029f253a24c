package io.rewardlens.app.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Links to every CSV file and then every plot the sections before it wrote. */
final class FilesSection implements ReportSection {
    @Override
    public void write(ReportContext context) {
        StringBuilder md = context.markdown();
        md.append("## Files\n\n");
        List<Path> files = new ArrayList<>(context.csvFiles());
        files.addAll(context.plots());
        for (Path file : files) {
            md.append("- [")
                    .append(file.getFileName())
                    .append("](")
                    .append(file.getFileName())
                    .append(")\n");
        }
    }
}
