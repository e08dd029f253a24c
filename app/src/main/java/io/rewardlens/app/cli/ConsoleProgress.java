package io.rewardlens.app.cli;

import io.rewardlens.storage.ProgressListener;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A console progress bar on standard error for one long job, fed through the same progress callback
 * the workbench binds to its progress bars. Draws nothing when standard error is not a terminal and
 * {@code --progress} was not forced, so logs and pipes stay clean.
 */
final class ConsoleProgress implements ProgressListener, AutoCloseable {
    private final ProgressBar bar;

    private ConsoleProgress(ProgressBar bar) {
        this.bar = bar;
    }

    /**
     * Starts a bar, or a silent listener when there is nobody to watch it.
     *
     * @param task the task name shown left of the bar
     * @param unit the unit shown with the counts, e.g. {@code " pairs"}
     * @param show whether to draw at all
     * @return the progress listener; close it when the job ends
     */
    static ConsoleProgress start(String task, String unit, boolean show) {
        if (!show) {
            return new ConsoleProgress(null);
        }
        PrintStream err = System.err;
        ProgressBar bar =
                new ProgressBarBuilder()
                        .setTaskName(task)
                        .setUnit(unit, 1)
                        .setInitialMax(-1)
                        .setStyle(ProgressBarStyle.ASCII)
                        .setUpdateIntervalMillis(250)
                        .showSpeed()
                        .setConsumer(new ConsoleProgressBarConsumer(err))
                        .build();
        return new ConsoleProgress(bar);
    }

    /**
     * Whether a bar should be drawn by default: only when a person is watching a terminal.
     *
     * @return true when the JVM has a console
     */
    static boolean interactive() {
        return System.console() != null;
    }

    @Override
    public void progress(long done, long total, String message) {
        if (bar == null) {
            return;
        }
        if (total >= 0 && total != bar.getMax()) {
            bar.maxHint(total);
        }
        bar.stepTo(done);
        bar.setExtraMessage(message);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
