package io.rewardlens.scoring;

/**
 * The engine settings asked for cannot take effect: the PyTorch engine is already loaded in this
 * process with other settings, or an environment variable (which the engine reads before system
 * properties) says otherwise. Restart the application with the wanted settings.
 */
public final class EngineSettingsConflictException extends ScoringException {
    /**
     * Creates the exception.
     *
     * @param message which setting conflicts with what
     */
    public EngineSettingsConflictException(String message) {
        super(message);
    }
}
