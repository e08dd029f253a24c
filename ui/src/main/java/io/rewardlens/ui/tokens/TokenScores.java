package io.rewardlens.ui.tokens;

import io.rewardlens.scoring.MessageSpan;
import io.rewardlens.scoring.ScoreResult;
import io.rewardlens.scoring.TokenSpan;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The reward along one scored conversation: for every token the model read, where it lies in the
 * text the chat template rendered, the score after it, the change of score it brought and the
 * message whose content it belongs to. Built from a {@link ScoreResult} with per-token scores;
 * immutable.
 *
 * <p>The change of token {@code i} is {@code score(i) - score(i - 1)}, and that of the first token
 * its own score, so the changes of all tokens add up to the last score, which is the reward. A
 * token belongs to the first message whose content (as {@link ScoreResult#messageSpans()} found it)
 * shares at least one character with it; tokens of template markup (role headers, special tokens,
 * the template's line breaks) belong to none.
 */
public final class TokenScores {
    /** What {@link #turn(int)} says of a token that lies wholly in template markup. */
    public static final int MARKUP = -1;

    private final String text;
    private final int[] starts;
    private final int[] ends;
    private final float[] scores;
    private final int[] turns;
    private final List<MessageSpan> messages;

    private TokenScores(ScoreResult result) {
        float[] perToken = result.perTokenScores();
        if (perToken == null) {
            throw new IllegalArgumentException(
                    "the result has no per-token scores (the model's trace gives only the reward)");
        }
        this.text = result.input().text();
        this.scores = perToken;
        this.messages = List.copyOf(result.messageSpans());
        List<TokenSpan> spans = result.tokenSpans();
        int count = spans.size();
        starts = new int[count];
        ends = new int[count];
        turns = new int[count];
        for (int i = 0; i < count; i++) {
            TokenSpan span = spans.get(i);
            starts[i] = span.start();
            ends[i] = span.end();
            turns[i] = owner(span.start(), span.end());
        }
    }

    /**
     * The per-token scores of a result.
     *
     * @param result a result with per-token scores ({@link ScoreResult#hasPerTokenScores()})
     * @return the scores along its tokens
     * @throws IllegalArgumentException when the result has none
     */
    public static TokenScores of(ScoreResult result) {
        return new TokenScores(Objects.requireNonNull(result, "result"));
    }

    /** The first message whose content shares a character with {@code [start, end)}, or -1. */
    private int owner(int start, int end) {
        if (start >= end) {
            return MARKUP;
        }
        for (MessageSpan message : messages) {
            if (message.start() >= end) {
                break;
            }
            if (message.end() > start) {
                return message.turnIndex();
            }
        }
        return MARKUP;
    }

    /**
     * The text the chat template rendered, which the token positions index.
     *
     * @return the rendered text
     */
    public String renderedText() {
        return text;
    }

    /**
     * How many tokens the model read (after any truncation).
     *
     * @return the token count
     */
    public int count() {
        return scores.length;
    }

    /**
     * Where a token starts in the rendered text (UTF-16 index).
     *
     * @param token the token's position in the sequence
     * @return the first index, inclusive
     */
    public int start(int token) {
        return starts[token];
    }

    /**
     * Where a token ends in the rendered text. A byte-level token that holds part of a character
     * spans the whole character, so neighbouring tokens may overlap.
     *
     * @param token the token's position in the sequence
     * @return the last index, exclusive
     */
    public int end(int token) {
        return ends[token];
    }

    /**
     * The token's text as rendered (the whole character for a token that holds part of one).
     *
     * @param token the token's position in the sequence
     * @return the text
     */
    public String tokenText(int token) {
        return text.substring(starts[token], ends[token]);
    }

    /**
     * The score after a token: the score head's output at that position.
     *
     * @param token the token's position in the sequence
     * @return the score
     */
    public double score(int token) {
        return scores[token];
    }

    /**
     * The change of score a token brings: its score less the previous token's (the first token's
     * own score).
     *
     * @param token the token's position in the sequence
     * @return the change
     */
    public double delta(int token) {
        return token == 0 ? scores[0] : (double) scores[token] - scores[token - 1];
    }

    /**
     * The score after the last token: the reward.
     *
     * @return the final score
     */
    public double finalScore() {
        return scores[scores.length - 1];
    }

    /**
     * The message a token belongs to.
     *
     * @param token the token's position in the sequence
     * @return the message's index in the conversation, or {@link #MARKUP}
     */
    public int turn(int token) {
        return turns[token];
    }

    /**
     * The first token of a message's content.
     *
     * @param turn the message's index in the conversation
     * @return the token's position, or -1 when no token belongs to the message
     */
    public int firstTokenOf(int turn) {
        for (int i = 0; i < turns.length; i++) {
            if (turns[i] == turn) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Where the template put a message's content in the rendered text.
     *
     * @param turn the message's index in the conversation
     * @return its span, empty when the content was not found (empty, or changed by the template)
     */
    public Optional<MessageSpan> messageSpan(int turn) {
        for (MessageSpan message : messages) {
            if (message.turnIndex() == turn) {
                return Optional.of(message);
            }
        }
        return Optional.empty();
    }

    /**
     * The heat of one message: its tokens' changes placed on the message text.
     *
     * @param turn the message's index in the conversation
     * @param messageText the message's text as stored (what the view shows)
     * @return the message's heat
     */
    public MessageHeat heat(int turn, String messageText) {
        return heat(turn, messageText, List.of());
    }

    /**
     * The heat of one message with tool calls: its tokens' changes placed on the message text and
     * on the lines that show its calls.
     *
     * @param turn the message's index in the conversation
     * @param messageText the message's text as stored (what the view shows)
     * @param toolCallLines the lines the view shows for its tool calls, in order
     * @return the message's heat
     */
    public MessageHeat heat(int turn, String messageText, List<String> toolCallLines) {
        return MessageHeat.of(this, turn, messageText, toolCallLines);
    }
}
