package io.rewardlens.scoring.template;

import com.hubspot.jinjava.el.TruthyTypeConverter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * Jinjava's type coercions with Python's truthiness ({@code not}, {@code if}-expressions), Python's
 * {@code str} where a value becomes text, and booleans as the ints 0 and 1 where a number is
 * needed.
 */
final class PythonTypeConverter extends TruthyTypeConverter {
    private static final long serialVersionUID = 1L;

    @Override
    protected Boolean coerceToBoolean(Object value) {
        return PythonValues.truthy(value);
    }

    @Override
    protected Long coerceToLong(Object value) {
        return value instanceof Boolean ? ((Boolean) value ? 1L : 0L) : super.coerceToLong(value);
    }

    @Override
    protected Integer coerceToInteger(Object value) {
        return value instanceof Boolean ? ((Boolean) value ? 1 : 0) : super.coerceToInteger(value);
    }

    @Override
    protected Double coerceToDouble(Object value) {
        return value instanceof Boolean ? ((Boolean) value ? 1d : 0d) : super.coerceToDouble(value);
    }

    @Override
    protected BigDecimal coerceToBigDecimal(Object value) {
        return value instanceof Boolean
                ? ((Boolean) value ? BigDecimal.ONE : BigDecimal.ZERO)
                : super.coerceToBigDecimal(value);
    }

    @Override
    protected BigInteger coerceToBigInteger(Object value) {
        return value instanceof Boolean
                ? ((Boolean) value ? BigInteger.ONE : BigInteger.ZERO)
                : super.coerceToBigInteger(value);
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
