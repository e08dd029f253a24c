package io.rewardlens.scoring.template;

import com.hubspot.jinjava.el.TruthyTypeConverter;
import java.util.Collection;
import java.util.Map;

/**
 * Jinjava's type coercions with Python's truthiness ({@code not}, {@code if}-expressions) and
 * Python's {@code str} where a value becomes text.
 */
final class PythonTypeConverter extends TruthyTypeConverter {
    private static final long serialVersionUID = 1L;

    @Override
    protected Boolean coerceToBoolean(Object value) {
        return PythonValues.truthy(value);
    }

    @Override
    protected String coerceToString(Object value) {
        if (value == PyNone.INSTANCE
                || value instanceof Boolean
                || value instanceof Double
                || value instanceof Float
                || value instanceof Collection
                || value instanceof Map) {
            return PythonValues.str(value);
        }
        return super.coerceToString(value);
    }
}
