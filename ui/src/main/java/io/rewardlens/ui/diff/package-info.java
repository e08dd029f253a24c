/** Word-level comparison of two responses, for the pair view's diff toggle. No JavaFX. */
package io.rewardlens.ui.diff;
