package io.rewardlens.ui.annotate;

import io.rewardlens.storage.PreferencePair;
import io.rewardlens.storage.Side;
import io.rewardlens.ui.diff.WordDiff;
import io.rewardlens.ui.markdown.MarkdownNodes;
import io.rewardlens.ui.markdown.WrappingTextFlow;
import io.rewardlens.ui.tokens.HeatRun;
import io.rewardlens.ui.tokens.HeatScale;
import io.rewardlens.ui.tokens.TokenScores;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.HitInfo;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.util.Duration;

/**
 * The pair on screen: prompt turns on top, responses A and B side by side below (whole
 * conversations when the two diverge early), each rendered as Markdown and scrollable, with its RM
 * score above it; between them the margin, the side the model prefers and the dataset's label. A
 * word diff of A and B replaces the rendered responses while toggled on. The token heat colours the
 * responses' text by the change of score each token brings (a tooltip tells a token's change and
 * score), and the score chart along the tokens of A and B opens below them. Binds to an {@link
 * AnnotationViewModel} and only builds nodes.
 */
public final class PairView {
    /** How long navigation must pause before the neighbours are built ahead. */
    private static final Duration IDLE_BEFORE_STAGING = Duration.millis(120);

    /** The gap between building two staged panes (a couple of frames). */
    private static final Duration BETWEEN_STAGED_PANES = Duration.millis(30);

    private final AnnotationViewModel viewModel;
    private final StackPane root = new StackPane();
    private final VBox pairBox = new VBox();
    private final Label placeholder = new Label();
    private final Label pairInfo = new Label();
    private final StagingPane promptPane = new StagingPane();
    private final ScrollPane promptScroll;
    private final Column columnA = new Column(DisplaySide.A);
    private final Column columnB = new Column(DisplaySide.B);
    private final Label marginLabel = new Label();
    private final Label preferenceLabel = new Label();
    private final Label datasetLabel = new Label();
    private final Label tokenStatus = new Label();
    private final HBox heatLegend = new HBox();
    private final Label legendLoss = new Label();
    private final Label legendGain = new Label();
    private final VBox legendBox = new VBox();
    private final VBox tokenBox = new VBox();
    private final SplitPane split;
    private final TokenChart tokenChart;
    private final PauseTransition stagingDelay = new PauseTransition();

    /**
     * Builds the view and binds it.
     *
     * @param viewModel the annotation state
     */
    public PairView(AnnotationViewModel viewModel) {
        this.viewModel = viewModel;
        root.getStyleClass().add("pair-view");

        pairInfo.getStyleClass().add("pair-info");
        promptScroll = scroll(promptPane);
        promptScroll.getStyleClass().add("prompt-scroll");

        tokenStatus.getStyleClass().add("token-status-text");
        tokenStatus.setWrapText(true);
        heatLegend.getStyleClass().add("heat-legend");
        for (int level = -HeatScale.LEVELS; level <= HeatScale.LEVELS; level++) {
            Rectangle swatch = new Rectangle(9, 10);
            if (level != 0) {
                swatch.getStyleClass().setAll(TokenHeatOverlay.levelClass(level));
            } else {
                swatch.setOpacity(0);
            }
            heatLegend.getChildren().add(swatch);
        }
        Region between = new Region();
        HBox.setHgrow(between, Priority.ALWAYS);
        HBox legendEnds = new HBox(legendLoss, between, legendGain);
        legendEnds.getStyleClass().add("heat-legend-ends");
        legendBox.getChildren().addAll(heatLegend, legendEnds);
        tokenBox.getStyleClass().add("token-status");
        tokenBox.getChildren().addAll(legendBox, tokenStatus);
        VBox middle = new VBox(marginLabel, preferenceLabel, datasetLabel, tokenBox);
        middle.getStyleClass().add("pair-middle");
        marginLabel.getStyleClass().add("margin-label");
        preferenceLabel.getStyleClass().add("preference-label");
        datasetLabel.getStyleClass().add("dataset-label");
        for (Label label : List.of(marginLabel, preferenceLabel, datasetLabel)) {
            label.setWrapText(true);
        }
        HBox responses = new HBox(columnA.root, middle, columnB.root);
        responses.getStyleClass().add("responses");
        HBox.setHgrow(columnA.root, Priority.ALWAYS);
        HBox.setHgrow(columnB.root, Priority.ALWAYS);

        responses.setMinHeight(0);
        responses.setPrefHeight(400);
        tokenChart = new TokenChart(viewModel);
        split = new SplitPane(promptScroll, responses);
        split.setOrientation(Orientation.VERTICAL);
        split.setMinHeight(0);
        split.setPrefHeight(500);
        split.setDividerPositions(0.28);
        VBox.setVgrow(split, Priority.ALWAYS);
        pairBox.getChildren().addAll(pairInfo, split);
        pairBox.getStyleClass().add("pair-box");

        placeholder.getStyleClass().add("pair-placeholder");
        placeholder.setWrapText(true);
        root.getChildren().addAll(pairBox, placeholder);

        viewModel.currentProperty().addListener((o, before, after) -> showPair(after));
        viewModel.queueStateProperty().addListener((o, before, after) -> showState(after));
        viewModel.scoreViewProperty().addListener((o, before, after) -> showScores(after));
        viewModel.labelVisibleProperty().addListener((o, before, after) -> showLabel());
        viewModel.diffShownProperty().addListener((o, before, after) -> showResponses());
        viewModel.diffProperty().addListener((o, before, after) -> showResponses());
        viewModel.tokenViewProperty().addListener((o, before, after) -> showTokens());
        viewModel.heatShownProperty().addListener((o, before, after) -> showTokens());
        viewModel.focusedTokenProperty().addListener((o, before, after) -> showHeat());
        viewModel.chartShownProperty().addListener((o, before, after) -> showChart());
        stagingDelay.setOnFinished(event -> stageNeighbours());
        viewModel
                .neighboursProperty()
                .addListener((o, before, after) -> stageSoon(IDLE_BEFORE_STAGING));
        showState(viewModel.queueStateProperty().get());
        showPair(viewModel.currentProperty().get());
        showTokens();
        showChart();
    }

    /**
     * The view's root node.
     *
     * @return the node
     */
    public Node node() {
        return root;
    }

    /**
     * A scroll pane for text that is always as wide. Its scroll bar is always shown, so switching
     * between a short and a long response never changes the width the text wraps at, and the
     * content is sized to the viewport's width by a binding rather than by {@code fitToWidth}: a
     * fitting scroll pane asks its content for its height at two widths (with and without a scroll
     * bar) on every layout, and every such question lays text out again.
     */
    private static ScrollPane scroll(Region content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(false);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.ALWAYS);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        content.setMinWidth(Region.USE_PREF_SIZE);
        content.setMaxWidth(Region.USE_PREF_SIZE);
        content.prefWidthProperty()
                .bind(
                        Bindings.createDoubleBinding(
                                () -> Math.max(0, scroll.getViewportBounds().getWidth()),
                                scroll.viewportBoundsProperty()));
        // Fixed sizes: otherwise the split pane and the window ask the scroll pane for its
        // content's height, which lays text out again.
        scroll.setMinHeight(0);
        scroll.setPrefHeight(120);
        scroll.setPrefViewportHeight(120);
        scroll.setFocusTraversable(false);
        return scroll;
    }

    private void showState(QueueState state) {
        String text =
                switch (state) {
                    case NO_DATABASE -> "No database open. File \u2192 Open database\u2026";
                    case LOADING -> "Reading pairs\u2026";
                    case EMPTY -> "No pair matches the filters.";
                    case END ->
                            "End of the queue: no more pairs match the filters (\u2190 goes back).";
                    case SHOWING -> "";
                };
        placeholder.setText(text);
        boolean showing = state == QueueState.SHOWING;
        placeholder.setVisible(!showing);
        pairBox.setVisible(showing);
    }

    private void showPair(PreparedPair pair) {
        if (pair == null) {
            pairInfo.setText("");
            return;
        }
        PreferencePair content = pair.stored().pair();
        StringBuilder info =
                new StringBuilder("Pair #")
                        .append(pair.id())
                        .append(" \u00b7 ")
                        .append(pair.stored().dataset());
        if (content.source() != null) {
            info.append(" \u00b7 ").append(content.source());
        }
        info.append(" \u00b7 record ").append(content.position());
        if (content.parentPairId() != null) {
            info.append(" \u00b7 edited variant of #").append(content.parentPairId());
        }
        pairInfo.setText(info.toString());
        promptPane.show(pair.id(), () -> promptNode(pair));
        promptScroll.setVvalue(0);
        showResponses();
        showScores(viewModel.scoreViewProperty().get());
        showLabel();
    }

    private void showResponses() {
        PreparedPair pair = viewModel.currentProperty().get();
        if (pair == null) {
            return;
        }
        WordDiff diff = viewModel.diffProperty().get();
        if (viewModel.diffShownProperty().get() && diff != null) {
            columnA.showDiff(diff.left(), "diff-only-a");
            columnB.showDiff(diff.right(), "diff-only-b");
        } else {
            columnA.show(pair);
            columnB.show(pair);
        }
        showHeat();
    }

    /** Shows the token heat's state in the middle column, paints the heat and draws the chart. */
    private void showTokens() {
        TokenView view = viewModel.tokenViewProperty().get();
        boolean heat = viewModel.heatShownProperty().get();
        tokenBox.setVisible(heat);
        tokenBox.setManaged(heat);
        legendBox.setVisible(heat && view.ready());
        legendBox.setManaged(heat && view.ready());
        if (heat && view.ready()) {
            String bound = String.format(Locale.ROOT, "%.3g", view.scale().bound());
            legendLoss.setText("\u2212" + bound);
            legendGain.setText("+" + bound);
            tokenStatus.setText("Token heat: \u0394 score per token, blue gain, red loss");
        } else if (heat) {
            tokenStatus.setText("Token heat unavailable: " + view.message());
        }
        showHeat();
        if (viewModel.chartShownProperty().get()) {
            tokenChart.show(view);
        }
    }

    /** Paints (or removes) the heat on the responses on screen. */
    private void showHeat() {
        TokenView view = viewModel.tokenViewProperty().get();
        boolean heat =
                viewModel.heatShownProperty().get()
                        && view.ready()
                        && !(viewModel.diffShownProperty().get()
                                && viewModel.diffProperty().get() != null);
        int focused = viewModel.focusedTokenProperty().get();
        columnA.showHeat(heat ? view : null, focused);
        columnB.showHeat(heat ? view : null, focused);
    }

    /** Opens the score chart below the responses, or closes it. */
    private void showChart() {
        Node chart = tokenChart.node();
        boolean shown = viewModel.chartShownProperty().get();
        if (shown && !split.getItems().contains(chart)) {
            split.getItems().add(chart);
            split.setDividerPositions(0.16, 0.56);
            tokenChart.show(viewModel.tokenViewProperty().get());
        } else if (!shown && split.getItems().remove(chart)) {
            split.setDividerPositions(0.28);
        }
    }

    /**
     * Waits before staging: while the annotator moves quickly from pair to pair, staging would only
     * compete with showing the pairs.
     */
    private void stageSoon(Duration delay) {
        stagingDelay.stop();
        stagingDelay.setDuration(delay);
        stagingDelay.playFromStart();
    }

    /**
     * Builds the nodes of the pairs next to the one on screen into the staging panes, one pane a
     * few frames apart, so that moving on only switches nodes that are styled and laid out, and no
     * frame does much of the staging.
     */
    private void stageNeighbours() {
        List<PreparedPair> near = viewModel.neighboursProperty().get();
        java.util.Set<Long> keep = new java.util.HashSet<>();
        near.forEach(pair -> keep.add(pair.id()));
        PreparedPair onScreen = viewModel.currentProperty().get();
        if (onScreen != null) {
            keep.add(onScreen.id());
        }
        promptPane.retain(keep);
        columnA.panes.retain(keep);
        columnB.panes.retain(keep);
        for (PreparedPair pair : near) {
            if (!promptPane.isStaged(pair.id())) {
                promptPane.stage(pair.id(), promptNode(pair));
            } else if (!columnA.panes.isStaged(pair.id())) {
                columnA.panes.stage(pair.id(), sideNode(pair, DisplaySide.A));
            } else if (!columnB.panes.isStaged(pair.id())) {
                columnB.panes.stage(pair.id(), sideNode(pair, DisplaySide.B));
            } else {
                continue;
            }
            stageSoon(BETWEEN_STAGED_PANES);
            return;
        }
    }

    private static Node promptNode(PreparedPair pair) {
        VBox box = new VBox();
        box.getStyleClass().add("prompt-box");
        if (pair.diverging()) {
            Label note =
                    new Label(
                            "The two conversations differ before the last turn: each side shows"
                                    + " its whole conversation.");
            note.getStyleClass().add("diverging-note");
            note.setWrapText(true);
            box.getChildren().add(note);
        }
        for (Turn turn : pair.prompt()) {
            box.getChildren().add(turnNode(turn, true));
        }
        return box;
    }

    private static Node sideNode(PreparedPair pair, DisplaySide side) {
        List<Turn> turns = pair.turns(side);
        boolean roles = pair.diverging() || turns.size() > 1;
        List<ResponseContent.RenderedTurn> rendered = new ArrayList<>(turns.size());
        List<Node> nodes = new ArrayList<>(turns.size());
        for (Turn turn : turns) {
            MarkdownNodes.Rendered nodesOfTurn = MarkdownNodes.render(turn.markdown());
            List<WrappingTextFlow> calls = toolCallFlows(turn);
            rendered.add(new ResponseContent.RenderedTurn(turn, nodesOfTurn, calls));
            nodes.add(turnNode(turn, nodesOfTurn, calls, roles));
        }
        ResponseContent box = new ResponseContent(rendered);
        box.getChildren().addAll(nodes);
        return box;
    }

    private static Node turnNode(Turn turn, boolean showRole) {
        return turnNode(turn, MarkdownNodes.render(turn.markdown()), toolCallFlows(turn), showRole);
    }

    private static Node turnNode(
            Turn turn,
            MarkdownNodes.Rendered rendered,
            List<WrappingTextFlow> toolCalls,
            boolean showRole) {
        if (!showRole && !turn.hasToolDetail()) {
            return rendered.root();
        }
        Text role = new Text(turn.label());
        role.getStyleClass().setAll("turn-role");
        VBox box = new VBox(role, rendered.root());
        box.getChildren().addAll(toolCalls);
        box.getStyleClass().add("turn");
        return box;
    }

    /** One flow per tool-call line, so the token heat can be painted on the call. */
    private static List<WrappingTextFlow> toolCallFlows(Turn turn) {
        List<WrappingTextFlow> flows = new ArrayList<>();
        for (String call : turn.toolCalls()) {
            Text line = new Text(call);
            line.getStyleClass().setAll("tool-call");
            WrappingTextFlow flow = new WrappingTextFlow();
            flow.getChildren().add(line);
            flow.getStyleClass().add("tool-call-line");
            flows.add(flow);
        }
        return flows;
    }

    private void showScores(ScoreView scores) {
        columnA.showScore(scores, scores.scoreA());
        columnB.showScore(scores, scores.scoreB());
        switch (scores.state()) {
            case READY -> {
                marginLabel.setText(
                        String.format(Locale.ROOT, "A \u2212 B = %+.3f", scores.margin()));
                DisplaySide preferred = scores.preferred();
                preferenceLabel.setText(
                        preferred == null ? "RM: no preference" : "RM prefers " + preferred);
                preferenceLabel.pseudoClassStateChanged(
                        javafx.css.PseudoClass.getPseudoClass("a"), preferred == DisplaySide.A);
            }
            case HIDDEN -> {
                marginLabel.setText("Blind mode");
                preferenceLabel.setText("Scores and label show after your verdict");
            }
            case SCORING -> {
                marginLabel.setText("Scoring\u2026");
                preferenceLabel.setText("");
            }
            case FAILED -> {
                marginLabel.setText("Not scored");
                preferenceLabel.setText(scores.message());
            }
            case NO_MODEL -> {
                marginLabel.setText("No reward model");
                preferenceLabel.setText("Model \u2192 Open\u2026");
            }
        }
    }

    private void showLabel() {
        PreparedPair pair = viewModel.currentProperty().get();
        boolean visible = viewModel.labelVisibleProperty().get() && pair != null;
        columnA.showLabel(visible ? pair.storedSide(DisplaySide.A) : null);
        columnB.showLabel(visible ? pair.storedSide(DisplaySide.B) : null);
        datasetLabel.setText(
                visible
                        ? "Dataset label: " + pair.displaySide(Side.CHOSEN) + " is chosen"
                        : (pair == null ? "" : "Dataset label hidden"));
    }

    /** One response column: its title, score and label badge over the scrollable response. */
    private static final class Column {
        final VBox root = new VBox();
        final StagingPane panes = new StagingPane();
        final ScrollPane scroll;
        final Label score = new Label();
        final ProgressIndicator spinner = new ProgressIndicator();
        final Label badge = new Label();
        final DisplaySide side;
        final Tooltip tokenTip = new Tooltip();
        ResponseContent painted;
        SideTokens heatOf;

        Column(DisplaySide side) {
            this.side = side;
            Label title = new Label("Response " + side);
            title.getStyleClass().add("response-title");
            score.getStyleClass().add("response-score");
            spinner.getStyleClass().add("score-spinner");
            spinner.setPrefSize(18, 18);
            spinner.setMaxSize(18, 18);
            spinner.setVisible(false);
            spinner.setManaged(false);
            badge.getStyleClass().add("label-badge");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox header = new HBox(title, spinner, score, gap, badge);
            header.getStyleClass().add("response-header");
            scroll = scroll(panes);
            scroll.getStyleClass().add("response-scroll");
            VBox.setVgrow(scroll, Priority.ALWAYS);
            root.getChildren().addAll(header, scroll);
            root.getStyleClass()
                    .addAll("response-column", "response-" + side.name().toLowerCase(Locale.ROOT));
            root.setMinWidth(0);
            root.setPrefWidth(10);
            root.setMinHeight(0);
            root.setPrefHeight(400);
            tokenTip.getStyleClass().add("token-tooltip");
            scroll.addEventFilter(MouseEvent.MOUSE_MOVED, this::hover);
            scroll.addEventFilter(MouseEvent.MOUSE_EXITED, event -> tokenTip.hide());
        }

        /**
         * Paints the heat of a ready token view on the response shown, or removes it (null). The
         * staged panes keep no heat: only the pane on screen is painted.
         */
        void showHeat(TokenView view, int focusedToken) {
            Node node = panes.shownNode();
            ResponseContent content = node instanceof ResponseContent rc ? rc : null;
            if (painted != null && (painted != content || view == null)) {
                painted.clearHeat();
                painted = null;
                heatOf = null;
                tokenTip.hide();
            }
            if (view == null || content == null) {
                return;
            }
            painted = content;
            heatOf = view.side(side);
            SideTokens tokens = heatOf;
            content.paintHeat(
                    turns -> TokenHeatOverlay.paint(turns, tokens, view.scale(), focusedToken));
        }

        /** Tells the change and score of the token under the mouse. */
        private void hover(MouseEvent event) {
            TokenHeatOverlay overlay = painted == null ? null : painted.overlay();
            TokenHeatOverlay.Piece piece = overlay == null ? null : pieceUnder(overlay, event);
            if (piece == null) {
                tokenTip.hide();
                return;
            }
            tokenTip.setText(describe(piece));
            double x = event.getScreenX() + 14;
            double y = event.getScreenY() + 18;
            if (tokenTip.isShowing()) {
                tokenTip.setAnchorX(x);
                tokenTip.setAnchorY(y);
            } else {
                tokenTip.show(scroll, x, y);
            }
        }

        private static TokenHeatOverlay.Piece pieceUnder(
                TokenHeatOverlay overlay, MouseEvent event) {
            Node node = event.getPickResult().getIntersectedNode();
            while (node != null && !(node instanceof WrappingTextFlow)) {
                node = node.getParent();
            }
            if (!(node instanceof WrappingTextFlow flow)) {
                return null;
            }
            Point2D local = flow.sceneToLocal(event.getSceneX(), event.getSceneY());
            // The flow's hit test leaves out its insets, as its range shapes do.
            Insets insets = flow.getInsets();
            HitInfo hit =
                    flow.hitTest(
                            new Point2D(
                                    local.getX() - insets.getLeft(),
                                    local.getY() - insets.getTop()));
            return overlay.pieceAt(flow, hit.getCharIndex());
        }

        private String describe(TokenHeatOverlay.Piece piece) {
            HeatRun run = piece.run();
            TokenScores scores = heatOf.scores();
            StringBuilder text = new StringBuilder();
            if (run.tokenCount() == 1) {
                text.append("token ")
                        .append(run.firstToken())
                        .append("  ")
                        .append(TokenChart.quoted(scores.tokenText(run.firstToken())));
            } else {
                String shown = flowText(piece.flow()).substring(piece.flowStart(), piece.flowEnd());
                text.append("tokens ")
                        .append(run.firstToken())
                        .append("\u2013")
                        .append(run.lastToken())
                        .append(" (one character or glyph)  ")
                        .append(TokenChart.quoted(shown));
            }
            text.append(
                    String.format(
                            Locale.ROOT,
                            "%n\u0394 score %+.4f   score after it %.4f",
                            piece.delta(),
                            run.score()));
            if (piece.delta() != run.delta()) {
                text.append("\n(coloured as a whole: its text differs from the message's)");
            }
            return text.toString();
        }

        /** The text of a flow's managed text nodes, as the overlay counts its characters. */
        private static String flowText(WrappingTextFlow flow) {
            StringBuilder text = new StringBuilder();
            for (Node child : flow.getChildren()) {
                if (child instanceof Text t && child.isManaged()) {
                    text.append(t.getText());
                }
            }
            return text.toString();
        }

        void show(PreparedPair pair) {
            panes.show(pair.id(), () -> sideNode(pair, side));
            scroll.setVvalue(0);
        }

        void showDiff(List<WordDiff.Piece> pieces, String changedClass) {
            TextFlow flow = new WrappingTextFlow();
            flow.getStyleClass().add("diff-flow");
            for (WordDiff.Piece piece : pieces) {
                Text text = new Text(piece.text());
                text.getStyleClass().setAll("md-text");
                if (piece.changed()) {
                    text.getStyleClass().add(changedClass);
                }
                flow.getChildren().add(text);
            }
            flow.getStyleClass().add("response-content");
            panes.showTransient(flow);
        }

        void showScore(ScoreView scores, double value) {
            boolean scoring = scores.state() == ScoreState.SCORING;
            spinner.setVisible(scoring);
            spinner.setManaged(scoring);
            score.setText(
                    switch (scores.state()) {
                        case READY ->
                                String.format(Locale.ROOT, "%.3f", value)
                                        + (scores.truncated() ? " (truncated)" : "");
                        case HIDDEN -> "score hidden";
                        case FAILED -> "not scored";
                        case SCORING, NO_MODEL -> "";
                    });
            score.pseudoClassStateChanged(
                    javafx.css.PseudoClass.getPseudoClass("preferred"), scores.preferred() == side);
        }

        void showLabel(Side stored) {
            badge.setVisible(stored != null);
            badge.setText(stored == null ? "" : "dataset: " + stored.storedName());
            badge.pseudoClassStateChanged(
                    javafx.css.PseudoClass.getPseudoClass("chosen"), stored == Side.CHOSEN);
        }
    }
}
