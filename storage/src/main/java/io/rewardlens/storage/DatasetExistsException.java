package io.rewardlens.storage;

/** A dataset could not be created because the store already has one with that name. */
public class DatasetExistsException extends StoreException {
    private final String dataset;

    /** Creates the exception for the given dataset name. */
    public DatasetExistsException(String dataset) {
        super(
                "the store already has a dataset named '%s': pick another name or delete it first"
                        .formatted(dataset));
        this.dataset = dataset;
    }

    /** The name that is taken. */
    public String dataset() {
        return dataset;
    }
}
