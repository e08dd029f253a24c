/** RewardLens sample-data module. */
package io.rewardlens.sampledata;
