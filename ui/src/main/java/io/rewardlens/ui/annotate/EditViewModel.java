package io.rewardlens.ui.annotate;

import io.rewardlens.scoring.Conversation;
import io.rewardlens.scoring.ScoreResult;
import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.PreferencePair;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storescoring.PairConversations;
import io.rewardlens.storescoring.ScoringContext;
import io.rewardlens.ui.task.Cancellable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Edit and re-score: the annotator edits a copy of one response of the pair on screen and sees its
 * RM score change as they type (re-scored once typing pauses); "save as variant" stores the edited
 * pair as a new pair of the same dataset, linked to the original, for counterfactual probes. The
 * original pair is never changed. In blind mode the scores stay hidden until the pair's verdict.
 */
public final class EditViewModel {
    /** How long typing must pause before the edited text is scored. */
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(300);

    private final AnnotationViewModel annotation;
    private final Duration debounce;

    private PreparedPair pair;
    private Cancellable scheduled;
    private long edits;

    private final ReadOnlyObjectWrapper<DisplaySide> editing =
            new ReadOnlyObjectWrapper<>(this, "editing");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyObjectWrapper<ScoreState> state =
            new ReadOnlyObjectWrapper<>(this, "state", ScoreState.NO_MODEL);
    private final ReadOnlyDoubleWrapper originalScore =
            new ReadOnlyDoubleWrapper(this, "originalScore", Double.NaN);
    private final ReadOnlyDoubleWrapper editedScore =
            new ReadOnlyDoubleWrapper(this, "editedScore", Double.NaN);
    private final ReadOnlyDoubleWrapper scoreChange =
            new ReadOnlyDoubleWrapper(this, "scoreChange", Double.NaN);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<StoredPair> savedVariant =
            new ReadOnlyObjectWrapper<>(this, "savedVariant");

    /**
     * Creates the edit view model of an annotation workbench.
     *
     * @param annotation the workbench whose pair on screen is edited
     * @param debounce how long typing must pause before re-scoring
     */
    public EditViewModel(AnnotationViewModel annotation, Duration debounce) {
        this.annotation = Objects.requireNonNull(annotation, "annotation");
        this.debounce = Objects.requireNonNull(debounce, "debounce");
        annotation
                .currentProperty()
                .addListener(
                        (observable, before, after) -> {
                            if (pair != null && (after == null || after.id() != pair.id())) {
                                close();
                            }
                        });
    }

    /**
     * The side being edited.
     *
     * @return A or B, null when not editing
     */
    public ReadOnlyObjectProperty<DisplaySide> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    /**
     * The edited text of the response's last message.
     *
     * @return the text
     */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /**
     * Where the edited text's score stands.
     *
     * @return the state
     */
    public ReadOnlyObjectProperty<ScoreState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /**
     * The original response's score.
     *
     * @return the score, NaN while unknown or hidden
     */
    public ReadOnlyDoubleProperty originalScoreProperty() {
        return originalScore.getReadOnlyProperty();
    }

    /**
     * The edited response's score.
     *
     * @return the score, NaN while unknown or hidden
     */
    public ReadOnlyDoubleProperty editedScoreProperty() {
        return editedScore.getReadOnlyProperty();
    }

    /**
     * Edited minus original score.
     *
     * @return the change, NaN while either is unknown
     */
    public ReadOnlyDoubleProperty scoreChangeProperty() {
        return scoreChange.getReadOnlyProperty();
    }

    /**
     * What happened last (failure, saved variant), for the editor's status line.
     *
     * @return the message, empty if none
     */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /**
     * The variant saved last.
     *
     * @return the stored variant, null before saving
     */
    public ReadOnlyObjectProperty<StoredPair> savedVariantProperty() {
        return savedVariant.getReadOnlyProperty();
    }

    /**
     * Starts editing a copy of one response of the pair on screen (its last message).
     *
     * @param side the response to edit
     */
    public void start(DisplaySide side) {
        PreparedPair onScreen = annotation.currentProperty().get();
        if (onScreen == null) {
            return;
        }
        cancelScheduled();
        pair = onScreen;
        edits++;
        List<ChatMessage> completion =
                onScreen.stored().pair().completion(onScreen.storedSide(side));
        text.set(completion.get(completion.size() - 1).content());
        editing.set(side);
        editedScore.set(Double.NaN);
        message.set("");
        savedVariant.set(null);
        refreshOriginal();
        if (annotation.scoring() == null) {
            state.set(ScoreState.NO_MODEL);
        } else {
            rescore(edits);
        }
    }

    /**
     * The user changed the text: it is scored again once typing pauses.
     *
     * @param newText the edited text
     */
    public void setText(String newText) {
        if (pair == null || Objects.equals(newText, text.get())) {
            return;
        }
        text.set(newText == null ? "" : newText);
        savedVariant.set(null);
        long edit = ++edits;
        cancelScheduled();
        if (annotation.scoring() == null) {
            state.set(ScoreState.NO_MODEL);
            return;
        }
        state.set(ScoreState.SCORING);
        scheduled = annotation.executor().schedule(debounce, () -> rescore(edit));
    }

    /** Stores the edited pair as a new pair of the same dataset, linked to the original. */
    public void saveAsVariant() {
        PreparedPair original = pair;
        PreferenceStore store = annotation.store();
        if (original == null || store == null) {
            return;
        }
        PreferencePair variant = editedPair().withParent(original.id());
        String dataset = original.stored().dataset();
        annotation
                .executor()
                .submit(
                        "Saving the edited pair",
                        progress -> store.addPair(dataset, variant),
                        stored -> {
                            savedVariant.set(stored);
                            message.set(
                                    "Saved as pair #"
                                            + stored.id()
                                            + ", a variant of pair #"
                                            + original.id()
                                            + "; it comes next in the queue");
                            annotation.insertAfterCurrent(stored);
                        },
                        error -> {
                            String why = FailureMessage.of(error);
                            message.set("Not saved: " + why);
                            annotation.errors().accept("Cannot save the edited pair: " + why);
                        });
    }

    /** Stops editing, dropping the edited text. */
    public void close() {
        cancelScheduled();
        edits++;
        pair = null;
        editing.set(null);
        text.set("");
        state.set(ScoreState.NO_MODEL);
        editedScore.set(Double.NaN);
        originalScore.set(Double.NaN);
        scoreChange.set(Double.NaN);
        message.set("");
    }

    /** The pair with the edited text in place of the edited response's last message. */
    PreferencePair editedPair() {
        PreferencePair original = pair.stored().pair();
        Side side = pair.storedSide(editing.get());
        List<ChatMessage> completion = new ArrayList<>(original.completion(side));
        ChatMessage last = completion.get(completion.size() - 1);
        completion.set(completion.size() - 1, last.withContent(text.get()));
        return side == Side.CHOSEN
                ? original.withCompletions(completion, original.rejected())
                : original.withCompletions(original.chosen(), completion);
    }

    private void rescore(long edit) {
        ScoringContext context = annotation.scoring();
        if (pair == null || context == null || edit != edits) {
            return;
        }
        state.set(ScoreState.SCORING);
        Conversation conversation =
                PairConversations.of(editedPair(), pair.storedSide(editing.get()));
        annotation
                .executor()
                .submit(
                        "Scoring the edited response",
                        progress -> {
                            try {
                                return context.service()
                                        .scoreLive(conversation, ScoringContext.LENGTH_POLICY)
                                        .get();
                            } catch (ExecutionException e) {
                                throw e.getCause() instanceof Exception cause ? cause : e;
                            }
                        },
                        result -> {
                            if (edit == edits) {
                                showScore(result);
                            }
                        },
                        error -> {
                            if (edit == edits) {
                                state.set(ScoreState.FAILED);
                                message.set(
                                        "Cannot score the edited text: "
                                                + FailureMessage.of(error));
                            }
                        });
    }

    private void showScore(ScoreResult result) {
        refreshOriginal();
        if (!annotation.scoresRevealed()) {
            state.set(ScoreState.HIDDEN);
            editedScore.set(Double.NaN);
            scoreChange.set(Double.NaN);
            return;
        }
        state.set(ScoreState.READY);
        editedScore.set(result.score());
        scoreChange.set(result.score() - originalScore.get());
    }

    private void refreshOriginal() {
        PairResults results = pair == null ? null : annotation.resultsOf(pair.id());
        if (results == null || !annotation.scoresRevealed()) {
            originalScore.set(Double.NaN);
            return;
        }
        originalScore.set(results.of(pair.storedSide(editing.get())).score());
    }

    private void cancelScheduled() {
        if (scheduled != null) {
            scheduled.cancel();
            scheduled = null;
        }
    }
}
