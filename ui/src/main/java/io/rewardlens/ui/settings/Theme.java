package io.rewardlens.ui.settings;

/** The workbench's colour theme (AtlantaFX Primer light or dark). */
public enum Theme {
    /** Dark text on a light background. */
    LIGHT,
    /** Light text on a dark background. */
    DARK
}
