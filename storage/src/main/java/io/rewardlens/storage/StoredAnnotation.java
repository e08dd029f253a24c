package io.rewardlens.storage;

import java.util.Objects;

/**
 * An annotation as saved in the store, with the id that {@link PreferenceStore#deleteAnnotation}
 * takes to undo it.
 *
 * @param id the annotation's id
 * @param annotation the verdict and its details
 */
public record StoredAnnotation(long id, Annotation annotation) {
    /** Rejects a missing annotation. */
    public StoredAnnotation {
        Objects.requireNonNull(annotation, "annotation");
    }
}
