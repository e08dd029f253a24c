/** RewardLens app module. */
package io.rewardlens.app;
