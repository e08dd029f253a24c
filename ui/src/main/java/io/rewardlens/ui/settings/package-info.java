/**
 * The user's own settings (annotator name, blind mode, tags, theme, device, libtorch folder, last
 * database and model), kept as JSON in the user's configuration folder. No JavaFX.
 */
package io.rewardlens.ui.settings;
