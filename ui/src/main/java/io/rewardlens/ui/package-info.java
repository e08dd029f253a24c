/** RewardLens ui module. */
package io.rewardlens.ui;
