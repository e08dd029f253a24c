package io.rewardlens.app.gui;

import io.rewardlens.ui.annotate.AnnotationViewModel;
import io.rewardlens.ui.annotate.QueueState;
import io.rewardlens.ui.annotate.ScoreState;
import io.rewardlens.ui.workbench.WorkbenchViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.IntConsumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * {@code --screenshot}: waits until the first pair's scores are on screen (or the queue shows that
 * no pair matches), saves a PNG of the window and reports the exit code: 0 when saved, 1 when an
 * error showed first, the file could not be written, or the timeout passed.
 */
final class Screenshot {
    private final WorkbenchViewModel viewModel;
    private final Scene scene;
    private final Path file;
    private final IntConsumer done;
    private final PauseTransition timeout;
    private boolean finished;

    private Screenshot(
            WorkbenchViewModel viewModel,
            Scene scene,
            Path file,
            Duration limit,
            IntConsumer done) {
        this.viewModel = viewModel;
        this.scene = scene;
        this.file = file;
        this.done = done;
        this.timeout = new PauseTransition(javafx.util.Duration.millis(limit.toMillis()));
    }

    /**
     * Arms the screenshot of a workbench. Call on the JavaFX thread.
     *
     * @param workbench the running workbench
     * @param file the PNG to write
     * @param limit how long to wait
     * @param done receives the exit code once, on the JavaFX thread
     */
    static void whenScored(Workbench workbench, Path file, Duration limit, IntConsumer done) {
        Screenshot shot =
                new Screenshot(
                        workbench.viewModel(), workbench.window().scene(), file, limit, done);
        shot.arm();
    }

    private void arm() {
        AnnotationViewModel annotation = viewModel.annotation();
        for (Observable watched :
                new Observable[] {
                    annotation.queueStateProperty(),
                    annotation.scoreViewProperty(),
                    viewModel.modelInfoProperty(),
                    viewModel.errorProperty()
                }) {
            watched.addListener(changed -> check());
        }
        timeout.setOnFinished(
                event ->
                        finish(
                                1,
                                "rewardlens: no scores on screen after "
                                        + timeout.getDuration().toSeconds()
                                        + " s; no screenshot taken"));
        timeout.play();
        check();
    }

    private void check() {
        if (finished) {
            return;
        }
        String error = viewModel.errorProperty().get();
        if (!error.isEmpty()) {
            finish(1, "rewardlens: " + error);
            return;
        }
        AnnotationViewModel annotation = viewModel.annotation();
        QueueState queue = annotation.queueStateProperty().get();
        ScoreState scores = annotation.scoreViewProperty().get().state();
        boolean modelLoaded = viewModel.modelInfoProperty().get() != null;
        boolean scored =
                queue == QueueState.SHOWING
                        && modelLoaded
                        && (scores == ScoreState.READY || scores == ScoreState.HIDDEN);
        boolean nothingToScore =
                modelLoaded && (queue == QueueState.EMPTY || queue == QueueState.END);
        if (scored || nothingToScore) {
            finished = true;
            timeout.stop();
            // Let the change reach the scene graph, then snapshot (which lays out and renders).
            Platform.runLater(this::save);
        }
    }

    private void save() {
        try {
            WritableImage image = scene.snapshot(null);
            Path absolute = file.toAbsolutePath();
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", absolute.toFile())) {
                throw new IOException("no PNG writer available");
            }
            System.out.println(
                    "rewardlens: saved "
                            + absolute
                            + " ("
                            + (int) image.getWidth()
                            + " x "
                            + (int) image.getHeight()
                            + ")");
            done.accept(0);
        } catch (IOException | RuntimeException e) {
            System.err.println("rewardlens: cannot save the screenshot " + file + ": " + e);
            done.accept(1);
        }
    }

    private void finish(int code, String message) {
        if (finished) {
            return;
        }
        finished = true;
        timeout.stop();
        System.err.println(message);
        done.accept(code);
    }
}
