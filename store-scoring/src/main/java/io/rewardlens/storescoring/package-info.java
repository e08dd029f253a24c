/**
 * The one place where the store's types and the scoring engine's types meet: stored pairs become
 * conversations, engine scores become stored scores, and the engine's score cache is kept in the
 * store. The CLI and the workbench both go through here. No JavaFX (the architecture test in {@code
 * app} enforces it).
 */
package io.rewardlens.storescoring;
