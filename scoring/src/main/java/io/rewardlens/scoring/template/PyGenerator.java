package io.rewardlens.scoring.template;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * What jinja2's {@code map}, {@code select}, {@code reject}, {@code selectattr} and {@code
 * rejectattr} return: a Python generator, not a list. It can be iterated once (a second loop over
 * it sees nothing), it is always true (even when empty), it has no length, cannot be indexed,
 * reversed by {@code last} or serialised by {@code tojson}; {@code |list} turns it into a list. Its
 * items are computed when it is made, which gives the same text as jinja2's lazy evaluation for
 * every template that does not depend on when an error is raised.
 */
final class PyGenerator implements Iterable<Object> {
    private final List<Object> items;
    private int next;

    PyGenerator(List<Object> items) {
        this.items = items;
    }

    /** The items not yet consumed, consuming them. */
    List<Object> drain() {
        List<Object> rest = new ArrayList<>(items.subList(next, items.size()));
        next = items.size();
        return rest;
    }

    @Override
    public Iterator<Object> iterator() {
        return drain().iterator();
    }

    @Override
    public String toString() {
        return "<generator object>";
    }
}
