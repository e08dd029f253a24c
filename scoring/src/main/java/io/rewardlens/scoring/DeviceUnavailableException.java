package io.rewardlens.scoring;

/**
 * The device the user asked for cannot run this bundle: no GPU is visible to the engine, or the
 * bundle has no trace for that kind of device. The message says which devices would work.
 */
public final class DeviceUnavailableException extends ScoringException {
    /**
     * Creates the exception.
     *
     * @param message what was asked, what is available and what the bundle supports
     */
    public DeviceUnavailableException(String message) {
        super(message);
    }
}
