package io.rewardlens.storescoring;

import io.rewardlens.scoring.LengthPolicy;
import io.rewardlens.scoring.ScoringService;
import io.rewardlens.storage.StoredModel;
import java.util.Objects;

/**
 * The reward model the workbench scores with: its scoring service (whose cache lives in the open
 * store) and the model as registered in that store, under which live scores are saved.
 *
 * @param service the scoring service
 * @param model the model as registered in the open store
 */
public record ScoringContext(ScoringService service, StoredModel model) {
    /**
     * Long conversations lose their oldest tokens rather than going unscored; the score records the
     * truncation and the view marks it.
     */
    public static final LengthPolicy LENGTH_POLICY = LengthPolicy.TRUNCATE_LEFT;

    /** Rejects null fields. */
    public ScoringContext {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(model, "model");
    }
}
