/**
 * The workbench's failure-inspection views and their view models: the disagreement queue (pairs
 * where a reward model prefers the side the dataset label or a human rejected, most confidently
 * wrong first), reports and charts of accuracy and bias computed with {@code storage.analysis}, and
 * several models side by side (a models panel, dataset scoring with each, per-pair scores, the
 * agreement matrix and the pairs the models disagree on most). Opening a pair hands it to the
 * annotation view model, so the pair view shows it and verdicts work as everywhere.
 */
package io.rewardlens.ui.inspect;
