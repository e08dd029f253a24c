package io.rewardlens.app.cli;

import io.rewardlens.app.gui.GuiCommand;
import io.rewardlens.app.gui.GuiOptions;
import io.rewardlens.app.gui.WorkbenchLauncher;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rewardlens} command and its subcommands. */
@Command(
        name = "rewardlens",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Workbench for reward-model preference data.",
            "Without a command it opens the workbench; with a database file alone (as a"
                    + " desktop's Open with passes it), the workbench on that database."
        },
        subcommands = {
            ImportCommand.class,
            ExportCommand.class,
            StatsCommand.class,
            DatasetsCommand.class,
            ExportAnnotationsCommand.class,
            ImportAnnotationsCommand.class,
            MergeCommand.class,
            AssignCommand.class,
            ScoreFileCommand.class,
            ScoreCommand.class,
            GenerateCommand.class,
            BenchScoreCommand.class,
            ReportCommand.class,
            AgreementCommand.class,
            GuiCommand.class,
            CommandLine.HelpCommand.class
        })
public final class RewardLensCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /**
     * The configured command line: exit codes, error handling and subcommands.
     *
     * @return a command line ready to execute arguments
     */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new RewardLensCommand());
        CliErrors errors = new CliErrors();
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setParameterExceptionHandler(errors);
        return commandLine;
    }

    /** Without a subcommand, opens the workbench (the {@code gui} command's defaults). */
    @Override
    public void run() {
        int exitCode = WorkbenchLauncher.launch(GuiOptions.defaults());
        if (exitCode != 0) {
            throw new CommandLine.ExecutionException(
                    spec.commandLine(), "the workbench could not start");
        }
    }
}
