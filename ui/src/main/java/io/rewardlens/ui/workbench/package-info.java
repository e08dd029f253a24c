/**
 * The workbench window around the pair view: menus, the open database and model, the status bar
 * with the long job under way, errors and settings. {@link
 * io.rewardlens.ui.workbench.WorkbenchViewModel} holds the state; {@link
 * io.rewardlens.ui.workbench.WorkbenchWindow} builds the window and turns keys into actions.
 */
package io.rewardlens.ui.workbench;
