package io.rewardlens.ui.annotate;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * Shows one node and keeps others staged behind it: attached but invisible and unmanaged, sized to
 * the same width, so their CSS and text layout are done in idle frames and switching to one of them
 * costs almost nothing. The pair view stages the responses of the next pairs this way.
 */
final class StagingPane extends StackPane {
    private static final long TRANSIENT = Long.MIN_VALUE;

    private final Map<Long, Node> staged = new HashMap<>();
    private final Map<Node, Double> stagedWidths = new HashMap<>();
    private Node shown;
    private long shownKey = TRANSIENT;

    /**
     * Whether a node is staged under a key.
     *
     * @param key the key (a pair id)
     * @return true when staged
     */
    boolean isStaged(long key) {
        return staged.containsKey(key) || (shown != null && shownKey == key);
    }

    /**
     * Stages a node under a key, hidden until shown.
     *
     * @param key the key (a pair id)
     * @param node the node
     */
    void stage(long key, Node node) {
        if (isStaged(key)) {
            return;
        }
        hide(node);
        staged.put(key, node);
        getChildren().add(node);
        // Adding an unmanaged child does not ask for a layout; without one the staged node would
        // be sized and its text laid out only when it is shown, the very moment it must be quick.
        requestLayout();
    }

    /**
     * Shows the node staged under a key, or builds and shows one; the node shown so far stays
     * staged under its key.
     *
     * @param key the key (a pair id)
     * @param build makes the node when none is staged
     */
    void show(long key, Supplier<Node> build) {
        if (shown != null && shownKey == key) {
            return;
        }
        Node node = staged.remove(key);
        boolean attached = node != null;
        if (node == null) {
            node = build.get();
        }
        replaceShown(key, node, attached);
    }

    /**
     * Shows a node that is not kept once something else is shown (such as a word diff).
     *
     * @param node the node
     */
    void showTransient(Node node) {
        replaceShown(TRANSIENT, node, false);
    }

    /**
     * The node shown now.
     *
     * @return the node, or null
     */
    Node shownNode() {
        return shown;
    }

    /** Drops every staged node whose key is not kept. */
    void retain(Set<Long> keys) {
        Iterator<Map.Entry<Long, Node>> entries = staged.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<Long, Node> entry = entries.next();
            if (!keys.contains(entry.getKey())) {
                getChildren().remove(entry.getValue());
                stagedWidths.remove(entry.getValue());
                entries.remove();
            }
        }
    }

    /** Removes everything. */
    void clear() {
        staged.clear();
        stagedWidths.clear();
        shown = null;
        shownKey = TRANSIENT;
        getChildren().clear();
    }

    private void replaceShown(long key, Node node, boolean attached) {
        if (shown != null) {
            if (shownKey == TRANSIENT) {
                getChildren().remove(shown);
            } else {
                hide(shown);
                staged.put(shownKey, shown);
            }
        }
        stagedWidths.remove(node);
        node.setVisible(true);
        node.setManaged(true);
        if (!attached) {
            getChildren().add(node);
        }
        shown = node;
        shownKey = key;
    }

    private static void hide(Node node) {
        node.setVisible(false);
        node.setManaged(false);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        Insets insets = getInsets();
        double width = getWidth() - insets.getLeft() - insets.getRight();
        for (Node node : staged.values()) {
            node.resizeRelocate(insets.getLeft(), insets.getTop(), width, node.prefHeight(width));
        }
    }
}
