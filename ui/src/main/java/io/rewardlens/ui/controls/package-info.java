/**
 * Small pieces of JavaFX scene that the workbench and the inspection window share: the error
 * banner, a folder field with a browse button and the dialog that asks for a model bundle.
 */
package io.rewardlens.ui.controls;
