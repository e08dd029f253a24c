package io.rewardlens.ui.annotate;

import io.rewardlens.ui.markdown.MarkdownNodes;
import io.rewardlens.ui.markdown.WrappingTextFlow;
import io.rewardlens.ui.markdown.WrappingTextFlow.Highlight;
import io.rewardlens.ui.tokens.HeatRun;
import io.rewardlens.ui.tokens.HeatScale;
import io.rewardlens.ui.tokens.MessageHeat;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.text.Text;

/**
 * The token heat painted on a response's rendered Markdown: each run of the message text becomes a
 * background behind the text nodes that show it (paragraphs, inline code, code blocks alike),
 * through the offsets every text node keeps of the message text.
 *
 * <p>A text node that shows its source verbatim (or a verbatim copy found inside its source range,
 * such as inline code inside its backticks) is coloured character by character. One that does not
 * (a run with escapes or entities resolved) is coloured as a whole by the summed change of the runs
 * its source overlaps. Generated text (list markers, image brackets) and indented code blocks,
 * which keep no offsets, stay uncoloured.
 */
final class TokenHeatOverlay {
    /** The style class of the mark on the token picked on the chart. */
    static final String FOCUS_CLASS = "heat-focus";

    /**
     * A painted range of one flow.
     *
     * @param flow the flow
     * @param flowStart its first character, counted over the flow's text nodes
     * @param flowEnd its end, exclusive
     * @param turn the position of the turn in the column
     * @param run the run it shows (for a text node coloured as a whole, the first run it overlaps)
     * @param delta the change it is coloured by
     * @param level its colour level
     */
    record Piece(
            WrappingTextFlow flow,
            int flowStart,
            int flowEnd,
            int turn,
            HeatRun run,
            double delta,
            int level) {}

    private final List<Piece> pieces = new ArrayList<>();
    private final Map<WrappingTextFlow, List<Highlight>> highlights = new IdentityHashMap<>();

    private TokenHeatOverlay() {}

    /**
     * Paints a side's heat on its rendered turns.
     *
     * @param content the rendered turns
     * @param side the side's per-token scores
     * @param scale the pair's colour scale
     * @param focusedToken a token to mark, or -1
     * @return the painted overlay
     */
    static TokenHeatOverlay paint(
            ResponseContent content, SideTokens side, HeatScale scale, int focusedToken) {
        TokenHeatOverlay overlay = new TokenHeatOverlay();
        List<ResponseContent.RenderedTurn> turns = content.turns();
        for (int k = 0; k < turns.size() && k < side.turns().size(); k++) {
            MessageHeat heat = side.turns().get(k);
            if (heat.located()) {
                overlay.paintTurn(k, turns.get(k), heat, scale, focusedToken);
                overlay.paintToolCalls(k, turns.get(k), heat, scale, focusedToken);
            }
        }
        overlay.highlights.forEach(
                (flow, list) -> {
                    // The mark on the picked token is drawn over the colours.
                    List<Highlight> ordered = new ArrayList<>(list);
                    ordered.sort(
                            java.util.Comparator.comparing(
                                    highlight -> highlight.styleClass().equals(FOCUS_CLASS)));
                    flow.setHighlights(ordered);
                });
        return overlay;
    }

    /** Every painted range, in reading order. */
    List<Piece> pieces() {
        return pieces;
    }

    /**
     * The painted range under a character of a flow.
     *
     * @param flow the flow
     * @param flowIndex the character, counted over the flow's text nodes
     * @return the piece, or null
     */
    Piece pieceAt(WrappingTextFlow flow, int flowIndex) {
        for (Piece piece : pieces) {
            if (piece.flow() == flow
                    && flowIndex >= piece.flowStart()
                    && flowIndex < piece.flowEnd()) {
                return piece;
            }
        }
        return null;
    }

    /** Removes the backgrounds. */
    void clear() {
        highlights.keySet().forEach(flow -> flow.setHighlights(List.of()));
        highlights.clear();
        pieces.clear();
    }

    private void paintTurn(
            int k,
            ResponseContent.RenderedTurn turn,
            MessageHeat heat,
            HeatScale scale,
            int focusedToken) {
        String source = turn.turn().text();
        HeatRun focused = focusedToken < 0 ? null : heat.runOfToken(focusedToken);
        Map<Text, Integer> offsets = new IdentityHashMap<>();
        for (MarkdownNodes.Segment segment : turn.rendered().segments()) {
            Text text = segment.text();
            if (!(text.getParent() instanceof WrappingTextFlow flow)) {
                continue;
            }
            if (!offsets.containsKey(text)) {
                measure(flow, offsets);
            }
            int flowStart = offsets.get(text);
            int length = text.getText().length();
            int start = segment.sourceStart();
            int end = segment.sourceEnd();
            if (start < 0 || end < start || length == 0) {
                continue;
            }
            int base = verbatimAt(source, text.getText(), start, end);
            if (base >= 0) {
                for (HeatRun run : runsOver(heat, base, base + length)) {
                    int from = Math.max(run.start(), base) - base;
                    int to = Math.min(run.end(), base + length) - base;
                    add(flow, flowStart + from, flowStart + to, k, run, run.delta(), scale);
                    if (run == focused) {
                        highlight(flow, flowStart + from, flowStart + to, FOCUS_CLASS);
                    }
                }
            } else {
                List<HeatRun> over = runsOver(heat, start, end);
                if (!over.isEmpty()) {
                    double delta = 0;
                    for (HeatRun run : over) {
                        delta += run.delta();
                    }
                    add(flow, flowStart, flowStart + length, k, over.get(0), delta, scale);
                    if (over.contains(focused)) {
                        highlight(flow, flowStart, flowStart + length, FOCUS_CLASS);
                    }
                }
            }
        }
    }

    /** Paints each tool-call line of a turn with the heat of its call, character by character. */
    private void paintToolCalls(
            int k,
            ResponseContent.RenderedTurn turn,
            MessageHeat heat,
            HeatScale scale,
            int focusedToken) {
        HeatRun focused = focusedToken < 0 ? null : heat.runOfToken(focusedToken);
        List<WrappingTextFlow> flows = turn.toolCalls();
        for (int line = 0; line < flows.size() && line < heat.callRuns().size(); line++) {
            WrappingTextFlow flow = flows.get(line);
            for (HeatRun run : heat.callRuns().get(line)) {
                add(flow, run.start(), run.end(), k, run, run.delta(), scale);
                if (run == focused) {
                    highlight(flow, run.start(), run.end(), FOCUS_CLASS);
                }
            }
        }
    }

    /**
     * Where a text node's text starts in the message: at its source start when it is as long as its
     * source range, else where a verbatim copy lies inside that range, else -1.
     */
    private static int verbatimAt(String source, String shown, int start, int end) {
        if (end - start == shown.length()) {
            return start;
        }
        int at = source.indexOf(shown, start);
        return at >= 0 && at + shown.length() <= end ? at : -1;
    }

    /** The runs that share a character with {@code [start, end)} of the message. */
    private static List<HeatRun> runsOver(MessageHeat heat, int start, int end) {
        List<HeatRun> runs = heat.runs();
        int low = 0;
        int high = runs.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (runs.get(middle).end() <= start) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        List<HeatRun> over = new ArrayList<>();
        for (int i = low; i < runs.size() && runs.get(i).start() < end; i++) {
            over.add(runs.get(i));
        }
        return over;
    }

    /** Notes where each text node of a flow starts among the flow's text. */
    private static void measure(WrappingTextFlow flow, Map<Text, Integer> offsets) {
        int offset = 0;
        for (Node child : flow.getChildren()) {
            if (child instanceof Text text && child.isManaged()) {
                offsets.put(text, offset);
                offset += text.getText().length();
            }
        }
    }

    private void add(
            WrappingTextFlow flow,
            int start,
            int end,
            int turn,
            HeatRun run,
            double delta,
            HeatScale scale) {
        if (end <= start) {
            return;
        }
        int level = scale.level(delta);
        pieces.add(new Piece(flow, start, end, turn, run, delta, level));
        if (level != 0) {
            highlight(flow, start, end, levelClass(level));
        }
    }

    private void highlight(WrappingTextFlow flow, int start, int end, String styleClass) {
        List<Highlight> list = highlights.computeIfAbsent(flow, key -> new ArrayList<>());
        if (!list.isEmpty()) {
            Highlight last = list.get(list.size() - 1);
            if (last.end() == start && last.styleClass().equals(styleClass)) {
                // Neighbouring tokens of one colour make one range: fewer shapes to compute.
                list.set(list.size() - 1, new Highlight(last.start(), end, styleClass));
                return;
            }
        }
        list.add(new Highlight(start, end, styleClass));
    }

    /**
     * The style class of a colour level: {@code heat-gain-1} to {@code heat-gain-5} for gains,
     * {@code heat-loss-1} to {@code heat-loss-5} for losses.
     */
    static String levelClass(int level) {
        return String.format(
                Locale.ROOT, "heat-%s-%d", level > 0 ? "gain" : "loss", Math.abs(level));
    }
}
