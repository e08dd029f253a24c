/**
 * The annotation workbench: the pair view (prompt, responses A and B side by side, RM scores, word
 * diff), keyboard-first verdicts, the queue of pairs to judge, and editing a response to see its
 * score change. {@link io.rewardlens.ui.annotate.AnnotationViewModel} and {@link
 * io.rewardlens.ui.annotate.EditViewModel} hold the state and are the only classes here that call
 * storage and scoring; the views only bind to them and forward events.
 */
package io.rewardlens.ui.annotate;
