package io.rewardlens.scoring.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code json.dumps} as Hugging Face's {@code tojson} template filter calls it: {@code
 * ensure_ascii=False}, Python's default separators ({@code ", "} and {@code ": "}, or {@code ","}
 * between items when indenting), optional {@code indent} and {@code sort_keys}. Tool-calling
 * templates print tool schemas with it, so its spacing must match byte for byte.
 */
final class PythonJson {
    private final String indent;
    private final String itemSeparator;
    private final String keySeparator;
    private final boolean sortKeys;
    private final boolean ensureAscii;

    private PythonJson(
            boolean ensureAscii,
            String indent,
            String itemSeparator,
            String keySeparator,
            boolean sortKeys) {
        this.ensureAscii = ensureAscii;
        this.indent = indent;
        this.itemSeparator = itemSeparator;
        this.keySeparator = keySeparator;
        this.sortKeys = sortKeys;
    }

    /**
     * Serialises a value.
     *
     * @param value the value (string, number, boolean, null, list, map)
     * @param ensureAscii whether every non-ASCII character is written as a {@code \\uXXXX} escape
     * @param indent null for one line, a number of spaces, or the indent string itself
     * @param separators null for Python's defaults, else a two-element list (item, key)
     * @param sortKeys whether map keys are sorted
     * @return the JSON text
     */
    static String dumps(
            Object value, boolean ensureAscii, Object indent, Object separators, boolean sortKeys) {
        String indentText = null;
        if (indent instanceof Number) {
            indentText = " ".repeat(Math.max(0, ((Number) indent).intValue()));
        } else if (indent != null) {
            indentText = indent.toString();
        }
        String item = indentText == null ? ", " : ",";
        String key = ": ";
        if (separators instanceof List && ((List<?>) separators).size() == 2) {
            item = String.valueOf(((List<?>) separators).get(0));
            key = String.valueOf(((List<?>) separators).get(1));
        } else if (separators != null) {
            throw new IllegalArgumentException("tojson separators must be a pair of strings");
        }
        StringBuilder out = new StringBuilder();
        new PythonJson(ensureAscii, indentText, item, key, sortKeys).write(out, value, 0);
        return out.toString();
    }

    private void write(StringBuilder out, Object value, int level) {
        if (level > 200) {
            throw new IllegalArgumentException("value nested too deeply for tojson");
        }
        if (value == null) {
            throw new IllegalArgumentException("Object of type Undefined is not JSON serializable");
        }
        if (value == PyNone.INSTANCE) {
            out.append("null");
        } else if (value instanceof Boolean) {
            out.append((Boolean) value ? "true" : "false");
        } else if (value instanceof Double
                || value instanceof Float
                || value instanceof BigDecimal) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d)) {
                out.append("NaN");
            } else if (Double.isInfinite(d)) {
                out.append(d > 0 ? "Infinity" : "-Infinity");
            } else {
                out.append(PythonValues.floatRepr(d));
            }
        } else if (value instanceof Number) {
            out.append(value);
        } else if (value instanceof CharSequence
                || value instanceof com.hubspot.jinjava.objects.SafeString) {
            writeString(out, value.toString());
        } else if (value instanceof Map) {
            List<Map.Entry<?, ?>> entries = new ArrayList<>(((Map<?, ?>) value).entrySet());
            if (sortKeys) {
                entries.sort((a, b) -> PythonFilters.compare(a.getKey(), b.getKey()));
            }
            if (entries.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            for (int i = 0; i < entries.size(); i++) {
                out.append(i == 0 ? "" : itemSeparator);
                newline(out, level + 1);
                writeKey(out, entries.get(i).getKey());
                out.append(keySeparator);
                write(out, entries.get(i).getValue(), level + 1);
            }
            newline(out, level);
            out.append('}');
        } else if (value instanceof Collection || value.getClass().isArray()) {
            List<Object> items = new ArrayList<>();
            if (value instanceof Collection) {
                items.addAll((Collection<?>) value);
            } else {
                for (int i = 0; i < java.lang.reflect.Array.getLength(value); i++) {
                    items.add(java.lang.reflect.Array.get(value, i));
                }
            }
            if (items.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            for (int i = 0; i < items.size(); i++) {
                out.append(i == 0 ? "" : itemSeparator);
                newline(out, level + 1);
                write(out, items.get(i), level + 1);
            }
            newline(out, level);
            out.append(']');
        } else {
            throw new IllegalArgumentException(
                    "Object of type "
                            + PythonOperators.typeName(value)
                            + " is not JSON serializable");
        }
    }

    private void writeKey(StringBuilder out, Object key) {
        if (key instanceof String) {
            writeString(out, (String) key);
        } else if (key == null || key == PyNone.INSTANCE) {
            out.append("\"null\"");
        } else if (key instanceof Boolean) {
            out.append((Boolean) key ? "\"true\"" : "\"false\"");
        } else if (key instanceof Number) {
            out.append('"');
            write(out, key, 0);
            out.append('"');
        } else {
            throw new IllegalArgumentException(
                    "keys must be str, int, float, bool or None, not "
                            + key.getClass().getSimpleName());
        }
    }

    private void newline(StringBuilder out, int level) {
        if (indent != null) {
            out.append('\n');
            out.append(indent.repeat(level));
        }
    }

    private void writeString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                case '\b':
                    out.append("\\b");
                    break;
                case '\f':
                    out.append("\\f");
                    break;
                default:
                    if (c < 0x20 || (ensureAscii && c > 0x7e)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
