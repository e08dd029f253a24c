package io.rewardlens.ui.annotate;

import static io.rewardlens.ui.workbench.WorkbenchFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PreferencePair;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.ui.markdown.WrappingTextFlow;
import io.rewardlens.ui.settings.Theme;
import io.rewardlens.ui.tokens.HeatRun;
import io.rewardlens.ui.tokens.MessageHeat;
import io.rewardlens.ui.tokens.TokenScores;
import io.rewardlens.ui.workbench.WorkbenchFixture;
import io.rewardlens.ui.workbench.WorkbenchViewModel;
import io.rewardlens.ui.workbench.WorkbenchWindow;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The token heat and the score chart in the real workbench window under headless Monocle, toggled
 * with their keys, on the sample pairs scored by the real demo model: the coloured ranges and the
 * chart's two series are checked against the view model's per-token scores, and snapshots of both
 * themes are saved under {@code target/screenshots}.
 */
@ExtendWith(ApplicationExtension.class)
class TokenViewsWindowTest {
    @TempDir java.nio.file.Path dir;

    private WorkbenchFixture workbench;
    private WorkbenchViewModel viewModel;
    private WorkbenchWindow window;

    @Start
    void start(Stage stage) throws Exception {
        workbench = new WorkbenchFixture(stage, dir.resolve("config/settings.json"), "tester");
        viewModel = workbench.viewModel();
        window = workbench.window();
        workbench.openSampleDatabase(
                dir.resolve("tokens.db"),
                dir,
                store -> {
                    // After the samples: a pair whose chosen answer is a tool call.
                    store.createDataset("tools", "test");
                    ChatMessage user = new ChatMessage("user", "Weather in Z\u00fcrich?");
                    ChatMessage call =
                            ChatMessage.fromJson(
                                    "{\"role\": \"assistant\", \"content\": \"\", \"tool_calls\":"
                                        + " [{\"id\": \"call_1\", \"type\": \"function\","
                                        + " \"function\": {\"name\": \"get_weather\","
                                        + " \"arguments\": {\"city\": \"Z\u00fcrich\", \"unit\":"
                                        + " \"celsius\"}}}]}");
                    store.addPair(
                            "tools",
                            PreferencePair.fromConversations(
                                    "tools",
                                    1,
                                    List.of(user, call),
                                    List.of(user, new ChatMessage("assistant", "No idea.")),
                                    null));
                });
        workbench.openDemoModel();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> viewModel.setTheme(Theme.LIGHT));
        workbench.close(robot);
    }

    private AnnotationViewModel annotation() {
        return viewModel.annotation();
    }

    /**
     * The rendered response on screen in a column, looked up on the FX thread (a lookup from the
     * test thread can race the scene graph's changes).
     */
    private static ResponseContent shownContent(FxRobot robot, DisplaySide side) {
        String column = ".response-" + side.name().toLowerCase(java.util.Locale.ROOT);
        try {
            return WaitForAsyncUtils.asyncFx(
                            () ->
                                    robot.lookup(column + " .response-content").queryAll().stream()
                                            .filter(
                                                    node ->
                                                            node instanceof ResponseContent
                                                                    && node.isVisible())
                                            .map(ResponseContent.class::cast)
                                            .findFirst()
                                            .orElseThrow())
                    .get();
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot look up the " + side + " column", e);
        }
    }

    @Test
    void heatAndChartToggleWithTheirKeysAndShowTheViewModelsScores(FxRobot robot) throws Exception {
        workbench.waitForScores();
        // The second sample pair answers with a Python code block.
        robot.type(KeyCode.RIGHT);
        workbench.waitForScores();

        robot.type(KeyCode.H);
        waitFor("the token heat", () -> annotation().tokenViewProperty().get().ready());
        TokenView view = annotation().tokenViewProperty().get();
        Label status = robot.lookup(".token-status-text").queryAs(Label.class);
        assertTrue(status.getText().startsWith("Token heat: "), status.getText());
        boolean codeColoured = false;
        for (DisplaySide side : DisplaySide.values()) {
            codeColoured |= checkHeat(shownContent(robot, side), view, side);
        }
        assertTrue(codeColoured, "the code block is coloured");
        hoverOverAColouredToken(robot);
        saveSnapshot(robot, "token-heat-light.png");

        robot.type(KeyCode.G);
        waitFor("the chart", () -> !robot.lookup(".token-score-chart").queryAll().isEmpty());
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> chart =
                robot.lookup(".token-score-chart").queryAs(LineChart.class);
        checkChart(chart, view);

        // A click on the chart at a coloured token of A marks that token in A's text.
        TokenHeatOverlay.Piece target =
                shownContent(robot, DisplaySide.A).overlay().pieces().stream()
                        .filter(piece -> piece.level() != 0 && piece.run().tokenCount() == 1)
                        .skip(5)
                        .findFirst()
                        .orElseThrow();
        int token = target.run().firstToken();
        javafx.scene.chart.NumberAxis xAxis = (javafx.scene.chart.NumberAxis) chart.getXAxis();
        Node plot = robot.lookup(".chart-plot-background").query();
        Bounds plotBounds = plot.localToScreen(plot.getBoundsInLocal());
        double[] x = new double[1];
        robot.interact(() -> x[0] = xAxis.localToScreen(xAxis.getDisplayPosition(token), 0).getX());
        robot.moveTo(new javafx.geometry.Point2D(x[0], plotBounds.getCenterY()));
        robot.clickOn();
        waitFor("the picked token", () -> annotation().focusedTokenProperty().get() >= 0);
        assertEquals(token, annotation().focusedTokenProperty().get());
        assertTrue(
                target.flow().getChildrenUnmodifiable().stream()
                        .anyMatch(
                                node ->
                                        node instanceof Path path
                                                && path.getStyleClass()
                                                        .contains(TokenHeatOverlay.FOCUS_CLASS)
                                                && !path.getElements().isEmpty()),
                "token " + token + " is marked in A's text");
        Label readout = robot.lookup(".token-readout").queryAs(Label.class);
        assertTrue(readout.getText().startsWith("token " + token + ":"), readout.getText());
        saveSnapshot(robot, "token-chart-light.png");

        robot.interact(() -> viewModel.setTheme(Theme.DARK));
        WaitForAsyncUtils.waitForFxEvents();
        saveSnapshot(robot, "token-heat-chart-dark.png");

        // Blind mode takes both away until the verdict.
        robot.interact(() -> viewModel.setBlindMode(true));
        waitFor(
                "blind mode",
                () -> annotation().tokenViewProperty().get().state() == TokenState.HIDDEN);
        assertTrue(status.getText().contains("blind mode"), status.getText());
        assertEquals(
                0,
                robot.lookup(".response-a .text-highlight").queryAll().stream()
                        .filter(Node::isVisible)
                        .count(),
                "no heat in blind mode");
        Label unavailable = robot.lookup(".token-unavailable").queryAs(Label.class);
        assertTrue(unavailable.isVisible() && unavailable.getText().contains("blind"));
        robot.interact(() -> viewModel.setBlindMode(false));

        robot.type(KeyCode.G);
        waitFor(
                "the chart to close",
                () -> robot.lookup(".token-score-chart").queryAll().isEmpty());
        robot.type(KeyCode.H);
        waitFor(
                "the heat to go",
                () -> robot.lookup(".response-a .text-highlight").queryAll().isEmpty());
        assertFalse(status.getParent().isVisible(), "the heat's status goes with it");
    }

    @Test
    void heatOnEmojiCjkAndArabicNeverSplitsACharacter(FxRobot robot) throws Exception {
        workbench.waitForScores();
        robot.type(KeyCode.H);
        List<StoredPair> pairs;
        try (PreferenceStore store = PreferenceStore.open(dir.resolve("tokens.db"))) {
            pairs = store.pairs(PairQuery.all());
        }
        String[] wanted = {
            "\uD83D\uDE42", "\u901A\u8D27\u81A8\u80C0", "\u0639\u0627\u0635\u0645\u0629"
        };
        String[] names = {"token-heat-emoji.png", "token-heat-cjk.png", "token-heat-arabic.png"};
        for (int w = 0; w < wanted.length; w++) {
            String text = wanted[w];
            long id =
                    pairs.stream()
                            .filter(p -> p.pair().chosen().get(0).content().contains(text))
                            .findFirst()
                            .orElseThrow()
                            .id();
            robot.interact(() -> annotation().showPair(id));
            waitFor(
                    "pair " + id + " with its heat",
                    () -> {
                        PreparedPair pair = annotation().currentProperty().get();
                        return pair != null
                                && pair.id() == id
                                && annotation().tokenViewProperty().get().ready()
                                && shownContent(robot, DisplaySide.A).overlay() != null;
                    });
            int pieces = 0;
            for (DisplaySide side : DisplaySide.values()) {
                for (TokenHeatOverlay.Piece piece : shownContent(robot, side).overlay().pieces()) {
                    String flowText = flowText(piece.flow());
                    for (int at : new int[] {piece.flowStart(), piece.flowEnd()}) {
                        assertFalse(
                                at > 0
                                        && at < flowText.length()
                                        && Character.isLowSurrogate(flowText.charAt(at)),
                                side + ": a painted range splits a surrogate pair");
                    }
                    pieces++;
                }
            }
            assertTrue(pieces > 10, "the responses are painted");
            saveSnapshot(robot, names[w]);
        }
    }

    @Test
    void aToolCallIsPaintedOnTheLineThatShowsIt(FxRobot robot) throws Exception {
        workbench.waitForScores();
        robot.type(KeyCode.H);
        long id;
        try (PreferenceStore store = PreferenceStore.open(dir.resolve("tokens.db"))) {
            id =
                    store.pairs(PairQuery.all()).stream()
                            .filter(
                                    p ->
                                            p.pair().chosen().stream()
                                                    .anyMatch(m -> !m.toolCalls().isEmpty()))
                            .findFirst()
                            .orElseThrow()
                            .id();
        }
        robot.interact(() -> annotation().showPair(id));
        waitFor(
                "the tool pair with its heat",
                () -> {
                    PreparedPair pair = annotation().currentProperty().get();
                    return pair != null
                            && pair.id() == id
                            && annotation().tokenViewProperty().get().ready()
                            && shownContent(robot, DisplaySide.A).overlay() != null
                            && shownContent(robot, DisplaySide.B).overlay() != null;
                });
        PreparedPair pair = annotation().currentProperty().get();
        DisplaySide callSide =
                pair.turns(DisplaySide.A).get(0).toolCalls().isEmpty()
                        ? DisplaySide.B
                        : DisplaySide.A;
        ResponseContent content = shownContent(robot, callSide);
        WrappingTextFlow line = content.turns().get(0).toolCalls().get(0);
        MessageHeat heat = annotation().tokenViewProperty().get().side(callSide).turns().get(0);
        List<TokenHeatOverlay.Piece> onTheLine =
                content.overlay().pieces().stream().filter(p -> p.flow() == line).toList();
        String painted =
                String.join(
                        "",
                        onTheLine.stream()
                                .map(p -> flowText(line).substring(p.flowStart(), p.flowEnd()))
                                .toList());
        for (String word : List.of("get_weather", "city", "Z\u00fcrich", "celsius")) {
            assertTrue(painted.contains(word), painted);
        }
        for (TokenHeatOverlay.Piece piece : onTheLine) {
            assertTrue(heat.callRuns().get(0).contains(piece.run()), "a run of the view model");
        }
        saveSnapshot(robot, "token-heat-tool-call.png");
    }

    private static String flowText(WrappingTextFlow flow) {
        StringBuilder text = new StringBuilder();
        for (Node child : flow.getChildrenUnmodifiable()) {
            if (child instanceof Text node && child.isManaged()) {
                text.append(node.getText());
            }
        }
        return text.toString();
    }

    /**
     * Checks the ranges painted on one column against the view model: each piece shows one of the
     * side's runs, in the colour of its change, on a shape that is drawn; every run with a colour
     * that lies in text Markdown shows as written is painted.
     *
     * @return whether a code block was coloured
     */
    private static boolean checkHeat(ResponseContent content, TokenView view, DisplaySide side) {
        TokenHeatOverlay overlay = content.overlay();
        assertNotNull(overlay, side + " is painted");
        SideTokens tokens = view.side(side);
        Set<HeatRun> painted = new HashSet<>();
        boolean code = false;
        for (TokenHeatOverlay.Piece piece : overlay.pieces()) {
            MessageHeat heat = tokens.turns().get(piece.turn());
            assertTrue(heat.runs().contains(piece.run()), side + ": a run of the view model");
            assertEquals(view.scale().level(piece.delta()), piece.level());
            painted.add(piece.run());
            if (piece.level() == 0) {
                continue;
            }
            String styleClass = TokenHeatOverlay.levelClass(piece.level());
            WrappingTextFlow flow = piece.flow();
            assertTrue(
                    flow.highlights().stream()
                            .anyMatch(
                                    h ->
                                            h.styleClass().equals(styleClass)
                                                    && h.start() <= piece.flowStart()
                                                    && piece.flowEnd() <= h.end()),
                    side + ": the piece's range is painted in " + styleClass);
            assertTrue(
                    flow.getChildrenUnmodifiable().stream()
                            .anyMatch(
                                    node ->
                                            node instanceof Path path
                                                    && path.getStyleClass().contains(styleClass)
                                                    && !path.getElements().isEmpty()),
                    side + ": the shape of " + styleClass + " is drawn");
            code |= flow.getStyleClass().contains("md-code-block");
        }
        for (int k = 0; k < tokens.turns().size(); k++) {
            List<io.rewardlens.ui.markdown.MarkdownNodes.Segment> segments =
                    content.turns().get(k).rendered().segments();
            for (HeatRun run : tokens.turns().get(k).runs()) {
                boolean shownAsWritten =
                        segments.stream()
                                .anyMatch(
                                        segment ->
                                                segment.sourceStart() >= 0
                                                        && segment.sourceEnd()
                                                                        - segment.sourceStart()
                                                                == segment.text().getText().length()
                                                        && segment.sourceStart() <= run.start()
                                                        && run.end() <= segment.sourceEnd());
                if (shownAsWritten && view.scale().level(run.delta()) != 0) {
                    assertTrue(painted.contains(run), side + ": run " + run + " is painted");
                }
            }
        }
        return code;
    }

    private void hoverOverAColouredToken(FxRobot robot) throws TimeoutException {
        ResponseContent content = shownContent(robot, DisplaySide.A);
        TokenHeatOverlay.Piece piece =
                content.overlay().pieces().stream()
                        .filter(p -> p.flowEnd() - p.flowStart() >= 3)
                        .findFirst()
                        .orElseThrow();
        List<PathElement> shape =
                List.of(piece.flow().rangeShape(piece.flowStart(), piece.flowStart() + 1));
        Path probe = new Path(shape);
        Bounds box = probe.getBoundsInLocal();
        javafx.geometry.Insets insets = piece.flow().getInsets();
        javafx.geometry.Point2D screen =
                piece.flow()
                        .localToScreen(
                                box.getCenterX() + insets.getLeft(),
                                box.getCenterY() + insets.getTop());
        robot.moveTo(screen);
        robot.moveBy(1, 0);
        waitFor(
                "the token's tooltip",
                () ->
                        Window.getWindows().stream()
                                .anyMatch(w -> w instanceof Tooltip tip && tip.isShowing()));
        Tooltip tip =
                Window.getWindows().stream()
                        .filter(w -> w instanceof Tooltip t && t.isShowing())
                        .map(Tooltip.class::cast)
                        .findFirst()
                        .orElseThrow();
        HeatRun run = piece.run();
        assertTrue(tip.getText().contains("\u0394 score"), tip.getText());
        assertTrue(
                tip.getText().contains(String.format(java.util.Locale.ROOT, "%.4f", run.score())),
                tip.getText() + " tells the score after " + run);
    }

    private static void checkChart(LineChart<Number, Number> chart, TokenView view) {
        assertEquals(2, chart.getData().size());
        int first = TokenChart.firstShown(view.a(), view.b());
        List<SideTokens> sides = List.of(view.a(), view.b());
        for (int s = 0; s < 2; s++) {
            XYChart.Series<Number, Number> series = chart.getData().get(s);
            assertEquals(s == 0 ? "A" : "B", series.getName());
            TokenScores scores = sides.get(s).scores();
            assertEquals(scores.count() - first, series.getData().size());
            for (XYChart.Data<Number, Number> point : series.getData()) {
                int token = point.getXValue().intValue();
                assertEquals(scores.score(token), point.getYValue().doubleValue(), 0);
            }
            assertTrue(sides.get(s).responseStart() >= first);
        }
        assertEquals(
                List.of(view.a().responseStart(), view.b().responseStart()),
                ((TokenChart.MarkedLineChart) chart).markValues());
    }

    private void saveSnapshot(FxRobot robot, String name) throws Exception {
        java.nio.file.Path file = java.nio.file.Path.of("target", "screenshots", name);
        Files.createDirectories(file.getParent());
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = window.scene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", file.toFile());
    }
}
