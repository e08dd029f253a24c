/**
 * Per-token reward detail placed on the text: the score after every token of a scored conversation,
 * each token's change of score, and the ranges of a message's text those changes colour. No JavaFX.
 */
package io.rewardlens.ui.tokens;
