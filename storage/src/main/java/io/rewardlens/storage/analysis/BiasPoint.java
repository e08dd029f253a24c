package io.rewardlens.storage.analysis;

/**
 * One pair in a bias plot.
 *
 * @param pairId the pair
 * @param feature the feature's value (x)
 * @param margin the model's chosen minus rejected score (y)
 */
public record BiasPoint(long pairId, double feature, double margin) {}
