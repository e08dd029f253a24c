package io.rewardlens.app.gui;

import javafx.application.Application;

/** Starts the workbench from the command line and waits until its window is closed. */
public final class WorkbenchLauncher {
    /** Exit code when the workbench cannot start or its screenshot fails. */
    public static final int FAILED = 1;

    /**
     * JavaFX renders on a fixed pulse (60 Hz by default), so a key press waits up to a whole period
     * before the next pair is laid out. Pulses at 120 Hz halve that wait; a pulse with nothing to
     * redraw costs next to nothing. Measured by PairNavigationBenchTest, which runs with the same
     * setting (parent POM).
     */
    static final String PULSE_HZ = "120";

    private WorkbenchLauncher() {}

    /**
     * Runs the workbench until it exits.
     *
     * @param options what to open, and whether to take a screenshot and exit
     * @return the exit code: 0, or {@value #FAILED} when the screenshot failed or there is no
     *     display
     */
    public static int launch(GuiOptions options) {
        if (System.getProperty("javafx.animation.pulse") == null) {
            System.setProperty("javafx.animation.pulse", PULSE_HZ);
        }
        WorkbenchApplication.prepare(options);
        try {
            Application.launch(WorkbenchApplication.class);
        } catch (UnsupportedOperationException | IllegalStateException e) {
            System.err.println(
                    "rewardlens: cannot open the workbench window ("
                            + e.getMessage()
                            + "); on a machine without a display use the command line, see"
                            + " rewardlens --help");
            return FAILED;
        }
        return WorkbenchApplication.exitCode();
    }
}
