/**
 * Markdown for the pair view: {@link io.rewardlens.ui.markdown.MarkdownParser} turns a message's
 * text into a {@link io.rewardlens.ui.markdown.MarkdownDocument} (plain data, built off the UI
 * thread, every text run tied to its place in the message), and {@link
 * io.rewardlens.ui.markdown.MarkdownNodes} turns that into JavaFX text nodes. Code blocks are
 * coloured by {@link io.rewardlens.ui.markdown.CodeHighlighter}.
 */
package io.rewardlens.ui.markdown;
