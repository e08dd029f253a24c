package io.rewardlens.scoring.template;

import com.hubspot.jinjava.objects.collections.PyList;
import java.util.AbstractList;
import java.util.List;

/**
 * A Python tuple: an immutable list that prints with parentheses, as the pairs from {@code
 * dict.items()} and {@code |dictsort} do ({@code ('a', 1)}).
 */
final class PyTuple extends AbstractList<Object> {
    private final Object[] items;

    PyTuple(Object... items) {
        this.items = items.clone();
    }

    static PyTuple of(List<?> items) {
        return new PyTuple(items.toArray());
    }

    /**
     * The tuple inside a value read from a variable: Jinjava hands out every list it stores, tuples
     * included, wrapped in its own {@link PyList}.
     *
     * @param value any template value
     * @return the wrapped tuple, or {@code value} itself
     */
    static Object unwrap(Object value) {
        return value instanceof PyList && ((PyList) value).toList() instanceof PyTuple
                ? ((PyList) value).toList()
                : value;
    }

    @Override
    public Object get(int index) {
        return items[index];
    }

    @Override
    public int size() {
        return items.length;
    }
}
