/**
 * The {@code gui} command and the workbench's start: which database and model to open (the sample
 * data and the demo model on first launch, the last ones afterwards), the user's folders, and the
 * {@code --screenshot} mode used by the smoke test and the README.
 */
package io.rewardlens.app.gui;
