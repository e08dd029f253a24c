package io.rewardlens.scoring.template;

import java.util.List;

/**
 * jinja2's {@code cycler(*items)}: {@code next()} gives the items in turn, {@code current} the one
 * {@code next()} gives next, {@code reset()} starts over.
 */
final class Cycler {
    private final List<Object> items;
    private int position;

    Cycler(List<Object> items) {
        if (items.isEmpty()) {
            throw RenderSession.error("at least one item has to be provided");
        }
        this.items = items;
    }

    /** The {@code current} attribute. */
    Object current() {
        return items.get(position);
    }

    /** A method call on the cycler. */
    Object call(String method, List<Object> args) {
        switch (method) {
            case "next":
                Object item = items.get(position);
                position = (position + 1) % items.size();
                return item;
            case "reset":
                position = 0;
                return PyNone.INSTANCE;
            default:
                throw RenderSession.error("'Cycler' object has no attribute '" + method + "'");
        }
    }
}
