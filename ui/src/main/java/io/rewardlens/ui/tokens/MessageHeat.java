package io.rewardlens.ui.tokens;

import io.rewardlens.scoring.MessageSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The token heat of one message: the ranges of the message text that the conversation's tokens
 * cover, each with the change of score its tokens bring, in text order.
 *
 * <p>How tokens become ranges:
 *
 * <ul>
 *   <li>The message is placed through {@link TokenScores#messageSpan(int)}: where the template
 *       wrote its content verbatim, or stripped of leading and trailing white space (the ranges
 *       then start after the stripped white space). A message the template changed otherwise (such
 *       as a Qwen3 template dropping the think block of an earlier turn) or whose content is empty,
 *       and that has no tool call the template printed, is not placed: {@link #located()} is false
 *       and it has no ranges.
 *   <li>Each token that belongs to the message is clipped to the message's content, so the part of
 *       a token that holds template markup (a line break merged with the first word) is left out.
 *       Tokens wholly in markup are in no message.
 *   <li>A range is widened to whole user-perceived characters (extended grapheme clusters), and
 *       tokens whose ranges then overlap become one {@link HeatRun} whose change is the sum of
 *       theirs. So the byte-level pieces of an emoji or a CJK character, the parts of a ZWJ
 *       sequence or a skin-tone emoji and a letter with a combining mark in another token are
 *       coloured as one: no range splits a surrogate pair or a glyph.
 *   <li>Text no token covers (the part of a message dropped by left truncation) has no range.
 * </ul>
 *
 * <p>A message with tool calls also has the heat of each call, placed on the line that shows it
 * ({@code → get_weather({"city": "Zürich"})}): the line's words (names, keys, values) are found in
 * the rendered text in order, however the template printed the call (JSON, XML-like tags, Python
 * repr), and each token is placed on the words it covers. Words the template did not print (a
 * call's id) stay uncoloured.
 *
 * @param turn the message's index in the conversation
 * @param located whether its content or one of its calls was found in the rendered text
 * @param runs the coloured ranges of the message text, in text order, disjoint
 * @param callRuns for each tool-call line, its coloured ranges, in text order, disjoint
 */
public record MessageHeat(
        int turn, boolean located, List<HeatRun> runs, List<List<HeatRun>> callRuns) {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

    /** Copies the runs. */
    public MessageHeat {
        runs = List.copyOf(runs);
        callRuns = callRuns.stream().map(List::copyOf).toList();
    }

    /**
     * The heat of a message without tool calls.
     *
     * @param turn the message's index in the conversation
     * @param located whether its content was found in the rendered text
     * @param runs the coloured ranges, in text order, disjoint
     */
    public MessageHeat(int turn, boolean located, List<HeatRun> runs) {
        this(turn, located, runs, List.of());
    }

    static MessageHeat of(
            TokenScores tokens, int turn, String messageText, List<String> toolCallLines) {
        Objects.requireNonNull(messageText, "messageText");
        Optional<MessageSpan> found = tokens.messageSpan(turn);
        if (found.isEmpty()) {
            return new MessageHeat(turn, false, List.of());
        }
        MessageSpan span = found.get();
        String rendered = tokens.renderedText().substring(span.start(), span.end());
        // The content comes first in the span; tool calls, when the template printed them, after.
        int offset = -1;
        int contentLength = 0;
        if (messageText.isEmpty()) {
            offset = 0;
        } else if (rendered.startsWith(messageText)) {
            offset = 0;
            contentLength = messageText.length();
        } else if (!messageText.isBlank() && rendered.startsWith(messageText.strip())) {
            offset = messageText.length() - messageText.stripLeading().length();
            contentLength = messageText.strip().length();
        }
        List<HeatRun> runs = List.of();
        if (offset >= 0 && contentLength > 0) {
            List<Segment> content = List.of(new Segment(span.start(), offset, contentLength));
            runs = runs(tokens, turn, content, Graphemes.of(messageText));
        }
        List<List<HeatRun>> callRuns = new ArrayList<>();
        int from = span.start() + (offset >= 0 ? contentLength : 0);
        for (String line : toolCallLines) {
            List<Segment> words = new ArrayList<>();
            Matcher word = WORD.matcher(line);
            while (word.find()) {
                int at = tokens.renderedText().indexOf(word.group(), from);
                if (at >= 0 && at + word.group().length() <= span.end()) {
                    words.add(new Segment(at, word.start(), word.group().length()));
                    from = at + word.group().length();
                }
            }
            callRuns.add(runs(tokens, turn, words, Graphemes.of(line)));
        }
        boolean located =
                (offset >= 0 && contentLength > 0) || callRuns.stream().anyMatch(r -> !r.isEmpty());
        return new MessageHeat(turn, located, runs, callRuns);
    }

    /**
     * A stretch of text shown verbatim: {@code length} characters at {@code renderedStart} of the
     * rendered text, shown at {@code shownStart} of the displayed text.
     */
    private record Segment(int renderedStart, int shownStart, int length) {
        int renderedEnd() {
            return renderedStart + length;
        }
    }

    /**
     * The runs of the message's tokens over the shown text: each token is clipped to the segments
     * it overlaps and widened to whole characters; tokens that then share a character merge.
     */
    private static List<HeatRun> runs(
            TokenScores tokens, int turn, List<Segment> segments, Graphemes clusters) {
        List<HeatRun> runs = new ArrayList<>();
        if (segments.isEmpty()) {
            return runs;
        }
        int runStart = -1;
        int runEnd = -1;
        int first = -1;
        int last = -1;
        double delta = 0;
        for (int i = 0; i < tokens.count(); i++) {
            if (tokens.turn(i) != turn) {
                continue;
            }
            int start = Integer.MAX_VALUE;
            int end = -1;
            for (Segment segment : segments) {
                int from = Math.max(tokens.start(i), segment.renderedStart());
                int to = Math.min(tokens.end(i), segment.renderedEnd());
                if (from < to) {
                    int shift = segment.shownStart() - segment.renderedStart();
                    start = Math.min(start, clusters.floor(from + shift));
                    end = Math.max(end, clusters.ceiling(to + shift));
                }
            }
            if (end <= start) {
                continue;
            }
            if (first >= 0 && start < runEnd) {
                runEnd = Math.max(runEnd, end);
                last = i;
                delta += tokens.delta(i);
                continue;
            }
            if (first >= 0) {
                runs.add(new HeatRun(runStart, runEnd, first, last, delta, tokens.score(last)));
            }
            runStart = start;
            runEnd = end;
            first = i;
            last = i;
            delta = tokens.delta(i);
        }
        if (first >= 0) {
            runs.add(new HeatRun(runStart, runEnd, first, last, delta, tokens.score(last)));
        }
        return runs;
    }

    /**
     * The run that covers a character of the message text.
     *
     * @param index a UTF-16 index into the message text
     * @return the run, or null when no token covers it
     */
    public HeatRun runAt(int index) {
        int low = 0;
        int high = runs.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            HeatRun run = runs.get(middle);
            if (index < run.start()) {
                high = middle - 1;
            } else if (index >= run.end()) {
                low = middle + 1;
            } else {
                return run;
            }
        }
        return null;
    }

    /**
     * The run that holds a token.
     *
     * @param token the token's position in the conversation's sequence
     * @return the run, or null when the token is not in this message
     */
    public HeatRun runOfToken(int token) {
        for (HeatRun run : runs) {
            if (token >= run.firstToken() && token <= run.lastToken()) {
                return run;
            }
        }
        for (List<HeatRun> call : callRuns) {
            for (HeatRun run : call) {
                if (token >= run.firstToken() && token <= run.lastToken()) {
                    return run;
                }
            }
        }
        return null;
    }

    /**
     * The largest change of any run, in absolute value.
     *
     * @return the largest |change|, 0 without runs
     */
    public double largestChange() {
        double largest = 0;
        for (HeatRun run : runs) {
            largest = Math.max(largest, Math.abs(run.delta()));
        }
        for (List<HeatRun> call : callRuns) {
            for (HeatRun run : call) {
                largest = Math.max(largest, Math.abs(run.delta()));
            }
        }
        return largest;
    }
}
