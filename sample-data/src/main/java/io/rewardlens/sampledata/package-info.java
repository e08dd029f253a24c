/**
 * Sample content for RewardLens: hand-written preference pairs with an answer key ({@link
 * io.rewardlens.sampledata.SampleData#openSamplePairs()}), the demo reward-model bundle ({@link
 * io.rewardlens.sampledata.SampleData#installDemoModel(java.nio.file.Path)}), and a generator of
 * large Skywork-shaped files for benchmarks ({@link
 * io.rewardlens.sampledata.SkyworkPairGenerator}).
 */
package io.rewardlens.sampledata;
