package io.rewardlens.ui.annotate;

import io.rewardlens.storage.PreferencePair;
import io.rewardlens.storage.Side;
import io.rewardlens.ui.diff.WordDiff;
import io.rewardlens.ui.markdown.MarkdownNodes;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The pair on screen: prompt turns on top, responses A and B side by side below (whole
 * conversations when the two diverge early), each rendered as Markdown and scrollable, with its RM
 * score above it; between them the margin, the side the model prefers and the dataset's label. A
 * word diff of A and B replaces the rendered responses while toggled on. Binds to an {@link
 * AnnotationViewModel} and only builds nodes.
 */
public final class PairView {
    private final AnnotationViewModel viewModel;
    private final StackPane root = new StackPane();
    private final VBox pairBox = new VBox();
    private final Label placeholder = new Label();
    private final Label pairInfo = new Label();
    private final VBox promptBox = new VBox();
    private final Column columnA = new Column(DisplaySide.A);
    private final Column columnB = new Column(DisplaySide.B);
    private final Label marginLabel = new Label();
    private final Label preferenceLabel = new Label();
    private final Label datasetLabel = new Label();

    /**
     * Builds the view and binds it.
     *
     * @param viewModel the annotation state
     */
    public PairView(AnnotationViewModel viewModel) {
        this.viewModel = viewModel;
        root.getStyleClass().add("pair-view");

        pairInfo.getStyleClass().add("pair-info");
        promptBox.getStyleClass().add("prompt-box");
        ScrollPane promptScroll = scroll(promptBox);
        promptScroll.getStyleClass().add("prompt-scroll");

        VBox middle = new VBox(marginLabel, preferenceLabel, datasetLabel);
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

        SplitPane split = new SplitPane(promptScroll, responses);
        split.setOrientation(Orientation.VERTICAL);
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
        showState(viewModel.queueStateProperty().get());
        showPair(viewModel.currentProperty().get());
    }

    /**
     * The view's root node.
     *
     * @return the node
     */
    public Node node() {
        return root;
    }

    private static ScrollPane scroll(Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
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
            promptBox.getChildren().clear();
            columnA.content.getChildren().clear();
            columnB.content.getChildren().clear();
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

        promptBox.getChildren().clear();
        if (pair.diverging()) {
            Label note =
                    new Label(
                            "The two conversations differ before the last turn: each side shows"
                                    + " its whole conversation.");
            note.getStyleClass().add("diverging-note");
            note.setWrapText(true);
            promptBox.getChildren().add(note);
        }
        for (Turn turn : pair.prompt()) {
            promptBox.getChildren().add(turnNode(turn, true));
        }
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
            boolean roles = pair.diverging() || pair.turns(DisplaySide.A).size() > 1;
            columnA.showTurns(pair.turns(DisplaySide.A), roles);
            columnB.showTurns(
                    pair.turns(DisplaySide.B), roles || pair.turns(DisplaySide.B).size() > 1);
        }
    }

    private static Node turnNode(Turn turn, boolean showRole) {
        MarkdownNodes.Rendered rendered = MarkdownNodes.render(turn.markdown());
        if (!showRole) {
            return rendered.root();
        }
        Text role = new Text(turn.role());
        role.getStyleClass().add("turn-role");
        VBox box = new VBox(role, rendered.root());
        box.getStyleClass().add("turn");
        return box;
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
        final VBox content = new VBox();
        final Label score = new Label();
        final ProgressIndicator spinner = new ProgressIndicator();
        final Label badge = new Label();
        final DisplaySide side;

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
            content.getStyleClass().add("response-content");
            ScrollPane scroll = scroll(content);
            scroll.getStyleClass().add("response-scroll");
            VBox.setVgrow(scroll, Priority.ALWAYS);
            root.getChildren().addAll(header, scroll);
            root.getStyleClass()
                    .addAll("response-column", "response-" + side.name().toLowerCase(Locale.ROOT));
            root.setMinWidth(0);
            root.setPrefWidth(10);
        }

        void showTurns(List<Turn> turns, boolean roles) {
            Node[] nodes = new Node[turns.size()];
            for (int i = 0; i < nodes.length; i++) {
                nodes[i] = turnNode(turns.get(i), roles);
            }
            content.getChildren().setAll(nodes);
        }

        void showDiff(List<WordDiff.Piece> pieces, String changedClass) {
            TextFlow flow = new TextFlow();
            flow.getStyleClass().add("diff-flow");
            for (WordDiff.Piece piece : pieces) {
                Text text = new Text(piece.text());
                text.getStyleClass().add("md-text");
                if (piece.changed()) {
                    text.getStyleClass().add(changedClass);
                }
                flow.getChildren().add(text);
            }
            content.getChildren().setAll(flow);
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
