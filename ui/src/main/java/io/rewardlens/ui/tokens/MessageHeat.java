package io.rewardlens.ui.tokens;

import io.rewardlens.scoring.MessageSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
 *       as a Qwen3 template dropping the think block of an earlier turn) or whose content is empty
 *       is not placed: {@link #located()} is false and it has no ranges.
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
 * @param turn the message's index in the conversation
 * @param located whether its content was found in the rendered text
 * @param runs the coloured ranges, in text order, disjoint
 */
public record MessageHeat(int turn, boolean located, List<HeatRun> runs) {
    /** Copies the runs. */
    public MessageHeat {
        runs = List.copyOf(runs);
    }

    static MessageHeat of(TokenScores tokens, int turn, String messageText) {
        Objects.requireNonNull(messageText, "messageText");
        Optional<MessageSpan> found = tokens.messageSpan(turn);
        if (found.isEmpty()) {
            return new MessageHeat(turn, false, List.of());
        }
        MessageSpan span = found.get();
        String rendered = tokens.renderedText().substring(span.start(), span.end());
        int offset;
        if (rendered.equals(messageText)) {
            offset = 0;
        } else if (rendered.equals(messageText.strip())) {
            offset = messageText.length() - messageText.stripLeading().length();
        } else {
            return new MessageHeat(turn, false, List.of());
        }
        // Message index = rendered index - shift.
        int shift = span.start() - offset;
        Graphemes clusters = Graphemes.of(messageText);
        List<HeatRun> runs = new ArrayList<>();
        int runStart = -1;
        int runEnd = -1;
        int first = -1;
        int last = -1;
        double delta = 0;
        for (int i = 0; i < tokens.count(); i++) {
            if (tokens.turn(i) != turn) {
                continue;
            }
            int start = clusters.floor(Math.max(tokens.start(i), span.start()) - shift);
            int end = clusters.ceiling(Math.min(tokens.end(i), span.end()) - shift);
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
        return new MessageHeat(turn, true, runs);
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
        return largest;
    }
}
