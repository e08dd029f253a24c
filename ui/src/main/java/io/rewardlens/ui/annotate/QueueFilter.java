package io.rewardlens.ui.annotate;

/**
 * Which pairs the annotation queue walks.
 *
 * @param dataset only this dataset, or null for every dataset
 * @param source only pairs with this {@code source} value, or null for any
 * @param unannotatedOnly only pairs nobody has annotated yet (skips count as annotations)
 * @param disagreesWithLabel only pairs where the loaded reward model prefers the side the dataset
 *     labels as rejected (needs the model's scores in the store), most confidently wrong first
 */
public record QueueFilter(
        String dataset, String source, boolean unannotatedOnly, boolean disagreesWithLabel) {

    /**
     * Every pair of every dataset, in import order.
     *
     * @return the widest filter
     */
    public static QueueFilter all() {
        return new QueueFilter(null, null, false, false);
    }

    /**
     * The same filter for another dataset.
     *
     * @param name the dataset, or null for all
     * @return the changed filter
     */
    public QueueFilter withDataset(String name) {
        return new QueueFilter(name, source, unannotatedOnly, disagreesWithLabel);
    }

    /**
     * The same filter for another source.
     *
     * @param value the source, or null for any
     * @return the changed filter
     */
    public QueueFilter withSource(String value) {
        return new QueueFilter(dataset, value, unannotatedOnly, disagreesWithLabel);
    }

    /**
     * The same filter with or without annotated pairs.
     *
     * @param only true to keep only unannotated pairs
     * @return the changed filter
     */
    public QueueFilter withUnannotatedOnly(boolean only) {
        return new QueueFilter(dataset, source, only, disagreesWithLabel);
    }

    /**
     * The same filter with or without the disagreement condition.
     *
     * @param only true to keep only pairs where the model contradicts the label
     * @return the changed filter
     */
    public QueueFilter withDisagreesWithLabel(boolean only) {
        return new QueueFilter(dataset, source, unannotatedOnly, only);
    }
}
