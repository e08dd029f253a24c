/** RewardLens storage module. */
package io.rewardlens.storage;
