package io.rewardlens.scoring.template;

import com.hubspot.jinjava.objects.Namespace;
import com.hubspot.jinjava.objects.SafeString;
import com.hubspot.jinjava.util.ForLoop;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How Python prints and tests template values: {@code str()} and {@code repr()} of the values a
 * template can hold (strings, numbers, booleans, lists, dicts) and Python truthiness. Jinjava's own
 * rules print {@code true} for {@code True}, {@code {a=1}} for {@code {'a': 1}} and treat the
 * string {@code "false"} as false, which would change rendered prompts.
 */
final class PythonValues {
    private PythonValues() {}

    /**
     * Python truthiness: {@code None}/undefined, {@code False}, zero, and empty strings, lists and
     * dicts are false; everything else is true.
     */
    static boolean truthy(Object value) {
        if (value == null || value == PyNone.INSTANCE) {
            return false;
        }
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).signum() != 0;
        }
        if (value instanceof BigInteger) {
            return ((BigInteger) value).signum() != 0;
        }
        if (value instanceof Number) {
            return ((Number) value).doubleValue() != 0;
        }
        if (value instanceof CharSequence) {
            return ((CharSequence) value).length() > 0;
        }
        if (value instanceof SafeString) {
            return !value.toString().isEmpty();
        }
        if (value instanceof Collection) {
            return !((Collection<?>) value).isEmpty();
        }
        if (value instanceof Map) {
            return !((Map<?, ?>) value).isEmpty();
        }
        if (value.getClass().isArray()) {
            return java.lang.reflect.Array.getLength(value) > 0;
        }
        return true;
    }

    /**
     * Python {@code str(value)}; an undefined value (Java null) prints as nothing, as jinja2 prints
     * an undefined variable, while {@link PyNone} prints {@code None}.
     */
    static String str(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String) {
            return (String) value;
        }
        if (value instanceof SafeString || value instanceof CharSequence) {
            return value.toString();
        }
        return repr(value);
    }

    /** Python {@code repr(value)}: strings quoted, containers printed with their items' repr. */
    static String repr(Object value) {
        StringBuilder out = new StringBuilder();
        appendRepr(out, value, 0);
        return out.toString();
    }

    private static void appendRepr(StringBuilder out, Object value, int depth) {
        if (depth > 100) {
            throw new IllegalArgumentException("value nested too deeply to print");
        }
        value = PyTuple.unwrap(value);
        if (value == null || value == PyNone.INSTANCE) {
            out.append("None");
        } else if (value instanceof Boolean) {
            out.append((Boolean) value ? "True" : "False");
        } else if (value instanceof Double || value instanceof Float) {
            out.append(floatRepr(((Number) value).doubleValue()));
        } else if (value instanceof BigDecimal) {
            out.append(floatRepr(((BigDecimal) value).doubleValue()));
        } else if (value instanceof Number) {
            out.append(value);
        } else if (value instanceof String || value instanceof SafeString) {
            appendStringRepr(out, value.toString());
        } else if (value instanceof Namespace) {
            out.append("<Namespace ");
            appendRepr(out, new LinkedHashMap<>((Namespace) value), depth + 1);
            out.append('>');
        } else if (value instanceof Map) {
            out.append('{');
            Iterator<? extends Map.Entry<?, ?>> it = ((Map<?, ?>) value).entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                appendRepr(out, e.getKey(), depth + 1);
                out.append(": ");
                appendRepr(out, e.getValue(), depth + 1);
                if (it.hasNext()) {
                    out.append(", ");
                }
            }
            out.append('}');
        } else if (value instanceof PyTuple) {
            PyTuple tuple = (PyTuple) value;
            out.append('(');
            for (int i = 0; i < tuple.size(); i++) {
                appendRepr(out, tuple.get(i), depth + 1);
                if (i + 1 < tuple.size() || tuple.size() == 1) {
                    out.append(tuple.size() == 1 ? "," : ", ");
                }
            }
            out.append(')');
        } else if (value instanceof Collection) {
            out.append('[');
            Iterator<?> it = ((Collection<?>) value).iterator();
            while (it.hasNext()) {
                appendRepr(out, it.next(), depth + 1);
                if (it.hasNext()) {
                    out.append(", ");
                }
            }
            out.append(']');
        } else if (value instanceof PyCallable || value instanceof PyGenerator) {
            out.append(value);
        } else if (value instanceof ForLoop) {
            out.append("<LoopContext>");
        } else {
            // Anything else is a Java object that a sandboxed template must not see described.
            throw new IllegalArgumentException(
                    "a template cannot print a value of type " + value.getClass().getSimpleName());
        }
    }

    /** Python's quoting: single quotes unless the text has one and no double quote. */
    private static void appendStringRepr(StringBuilder out, String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        out.append(quote);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == quote || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (cp < 0x20 || cp == 0x7F) {
                out.append(String.format("\\x%02x", cp));
            } else if (!isPrintable(cp)) {
                if (cp <= 0xFF) {
                    out.append(String.format("\\x%02x", cp));
                } else if (cp <= 0xFFFF) {
                    out.append(String.format("\\u%04x", cp));
                } else {
                    out.append(String.format("\\U%08x", cp));
                }
            } else {
                out.appendCodePoint(cp);
            }
        }
        out.append(quote);
    }

    /**
     * Close to Python's {@code str.isprintable()}: not a control, format, separator or unassigned.
     */
    private static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    /** Python's {@code repr(float)}: shortest round-trip digits, {@code 1e-05} style exponents. */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        String digits = exact.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - exact.scale();
        String sign = d < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa =
                    digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exp = String.format("%02d", Math.abs(exponent));
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
        }
        String plain = exact.abs().toPlainString();
        return sign + (plain.indexOf('.') >= 0 ? plain : plain + ".0");
    }
}
