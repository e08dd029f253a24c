package io.rewardlens.scoring.template;

import com.hubspot.jinjava.tree.Node;

/**
 * A template translated for Jinjava, with its parse tree kept after the first successful parse:
 * parsing costs more than rendering a short conversation, and the tree is never changed by a
 * render, so all renders on all threads share it.
 */
final class CompiledTemplate {
    private final String source;
    private volatile Node tree;

    CompiledTemplate(String jinjaSource) {
        this.source = JinjaSourceTranslator.translate(jinjaSource);
    }

    /** The Jinjava source. */
    String source() {
        return source;
    }

    /** The parse tree, or null before the first parse without errors. */
    Node tree() {
        return tree;
    }

    void rememberTree(Node parsed) {
        tree = parsed;
    }
}
