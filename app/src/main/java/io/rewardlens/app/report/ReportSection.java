package io.rewardlens.app.report;

/**
 * One part of the report: appends its Markdown to the report being built and writes its own CSV
 * files and plots into the report folder. {@link ReportWriter} runs its sections in order, so a new
 * part of the report is one class implementing this and one entry in {@link ReportWriter#SECTIONS}.
 */
interface ReportSection {
    /** Appends this section to {@link ReportContext#markdown()} and writes its files. */
    void write(ReportContext context);
}
