/** RewardLens scoring module. */
package io.rewardlens.scoring;
