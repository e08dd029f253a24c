package io.rewardlens.ui.annotate;

import io.rewardlens.ui.markdown.MarkdownNodes;
import io.rewardlens.ui.markdown.WrappingTextFlow;
import java.util.List;
import java.util.function.Function;
import javafx.scene.layout.VBox;

/**
 * The rendered turns of one response column, keeping each turn's text nodes and where they come
 * from in the message, so the token heat can be painted on them later.
 */
final class ResponseContent extends VBox {
    /**
     * One rendered turn.
     *
     * @param turn the turn
     * @param rendered its nodes and text segments
     * @param toolCalls the flows showing its tool-call lines, in order (each holds one text node)
     */
    record RenderedTurn(
            Turn turn, MarkdownNodes.Rendered rendered, List<WrappingTextFlow> toolCalls) {
        RenderedTurn {
            toolCalls = List.copyOf(toolCalls);
        }
    }

    private final List<RenderedTurn> turns;
    private TokenHeatOverlay overlay;

    ResponseContent(List<RenderedTurn> turns) {
        this.turns = List.copyOf(turns);
        getStyleClass().add("response-content");
    }

    /** The turns, in the order of {@link PreparedPair#turns(DisplaySide)}. */
    List<RenderedTurn> turns() {
        return turns;
    }

    /** The heat painted on the turns, or null. */
    TokenHeatOverlay overlay() {
        return overlay;
    }

    /** Removes the heat painted on the turns, if any. */
    void clearHeat() {
        if (overlay != null) {
            overlay.clear();
            overlay = null;
        }
    }

    /**
     * Paints heat on the turns, replacing any painted before.
     *
     * @param painter paints the turns (called once the old heat is removed)
     */
    void paintHeat(Function<ResponseContent, TokenHeatOverlay> painter) {
        clearHeat();
        overlay = painter.apply(this);
    }
}
