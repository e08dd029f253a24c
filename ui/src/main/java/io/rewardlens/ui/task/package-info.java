/**
 * Background work for view models: {@link io.rewardlens.ui.task.BackgroundExecutor} runs work off
 * the UI thread and hands results back on it. The application uses {@link
 * io.rewardlens.ui.task.FxBackgroundExecutor} (JavaFX tasks on a pool of named daemon threads);
 * tests pass an executor that runs everything on the calling thread, so view models are tested
 * deterministically without the toolkit.
 */
package io.rewardlens.ui.task;
