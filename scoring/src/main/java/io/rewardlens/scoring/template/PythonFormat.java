package io.rewardlens.scoring.template;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code str.format} for the forms templates use: {@code {}}, {@code {0}}, {@code {name}},
 * the {@code !r}/{@code !s} conversions, and a format spec of fill, alignment, width, precision and
 * type {@code s}, {@code d} or {@code f}.
 */
final class PythonFormat {
    private PythonFormat() {}

    static String format(String pattern, List<Object> positional, Map<String, Object> named) {
        StringBuilder out = new StringBuilder();
        int auto = 0;
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '{' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '{') {
                out.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '}') {
                out.append('}');
                i += 2;
            } else if (c == '{') {
                int end = pattern.indexOf('}', i);
                if (end < 0) {
                    throw RenderSession.error("Single '{' encountered in format string");
                }
                String field = pattern.substring(i + 1, end);
                String spec = "";
                int colon = field.indexOf(':');
                if (colon >= 0) {
                    spec = field.substring(colon + 1);
                    field = field.substring(0, colon);
                }
                char conversion = 0;
                int bang = field.indexOf('!');
                if (bang >= 0) {
                    if (bang + 2 != field.length()) {
                        throw RenderSession.error("invalid conversion in format string: " + field);
                    }
                    conversion = field.charAt(bang + 1);
                    field = field.substring(0, bang);
                }
                Object value;
                if (field.isEmpty()) {
                    value = argument(positional, auto++);
                } else if (field.chars().allMatch(Character::isDigit)) {
                    value = argument(positional, Integer.parseInt(field));
                } else if (named.containsKey(field)) {
                    value = named.get(field);
                } else {
                    throw RenderSession.error("KeyError: '" + field + "'");
                }
                String text;
                if (conversion == 'r') {
                    text = PythonValues.repr(value);
                    value = text;
                } else if (conversion == 's' || conversion == 0) {
                    text = PythonValues.str(value);
                } else {
                    throw RenderSession.error("Unknown conversion specifier " + conversion);
                }
                out.append(applySpec(value, text, spec));
                i = end + 1;
            } else if (c == '}') {
                throw RenderSession.error("Single '}' encountered in format string");
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * Python's {@code format % values}: {@code %s}, {@code %r}, {@code %d}/{@code %i}, {@code %f},
     * {@code %%}, with flags {@code -} and {@code 0}, width, precision and {@code %(name)s} for a
     * dict of values.
     */
    static String percent(String format, Object values) {
        List<?> positional =
                values instanceof PyTuple
                        ? (List<?>) values
                        : List.of(values == null ? PyNone.INSTANCE : values);
        Map<?, ?> named = values instanceof Map ? (Map<?, ?>) values : null;
        StringBuilder out = new StringBuilder();
        int next = 0;
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i++);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i >= format.length()) {
                throw RenderSession.error("incomplete format");
            }
            Object value = null;
            boolean haveValue = false;
            if (format.charAt(i) == '(') {
                int close = format.indexOf(')', i);
                if (close < 0 || named == null) {
                    throw RenderSession.error("format requires a mapping");
                }
                value = named.get(format.substring(i + 1, close));
                haveValue = true;
                i = close + 1;
            }
            int specStart = i;
            while (i < format.length() && "-0 +#".indexOf(format.charAt(i)) >= 0) {
                i++;
            }
            String flags = format.substring(specStart, i);
            int widthStart = i;
            while (i < format.length() && Character.isDigit(format.charAt(i))) {
                i++;
            }
            int width = i > widthStart ? Integer.parseInt(format.substring(widthStart, i)) : 0;
            int precision = -1;
            if (i < format.length() && format.charAt(i) == '.') {
                int p = ++i;
                while (i < format.length() && Character.isDigit(format.charAt(i))) {
                    i++;
                }
                precision = i > p ? Integer.parseInt(format.substring(p, i)) : 0;
            }
            if (i >= format.length()) {
                throw RenderSession.error("incomplete format");
            }
            char type = format.charAt(i++);
            if (type == '%') {
                out.append('%');
                continue;
            }
            if (!haveValue) {
                if (next >= positional.size()) {
                    throw RenderSession.error("not enough arguments for format string");
                }
                value = positional.get(next++);
            }
            String body;
            switch (type) {
                case 's':
                    body = PythonValues.str(value);
                    if (precision >= 0 && body.length() > precision) {
                        body = body.substring(0, precision);
                    }
                    break;
                case 'r':
                    body = PythonValues.repr(value);
                    break;
                case 'd':
                case 'i':
                    if (!(value instanceof Number)) {
                        throw RenderSession.error("%d format: a real number is required");
                    }
                    body = String.valueOf(new BigDecimal(value.toString()).toBigInteger());
                    break;
                case 'f':
                    if (!(value instanceof Number)) {
                        throw RenderSession.error("must be real number");
                    }
                    body =
                            new BigDecimal(((Number) value).toString())
                                    .setScale(precision < 0 ? 6 : precision, RoundingMode.HALF_EVEN)
                                    .toPlainString();
                    break;
                default:
                    throw RenderSession.error("unsupported format character '" + type + "'");
            }
            int pad = width - PythonStrings.length(body);
            if (pad > 0) {
                if (flags.contains("-")) {
                    body = body + " ".repeat(pad);
                } else if (flags.contains("0") && type != 's' && type != 'r') {
                    boolean negative = body.startsWith("-");
                    body =
                            (negative ? "-" : "")
                                    + "0".repeat(pad)
                                    + (negative ? body.substring(1) : body);
                } else {
                    body = " ".repeat(pad) + body;
                }
            }
            out.append(body);
        }
        if (named == null && next < positional.size()) {
            throw RenderSession.error("not all arguments converted during string formatting");
        }
        return out.toString();
    }

    private static Object argument(List<Object> positional, int index) {
        if (index >= positional.size()) {
            throw RenderSession.error(
                    "Replacement index " + index + " out of range for positional args tuple");
        }
        return positional.get(index);
    }

    private static String applySpec(Object value, String text, String spec) {
        if (spec.isEmpty()) {
            return text;
        }
        int i = 0;
        char fill = ' ';
        char align = 0;
        if (spec.length() >= 2 && "<>^".indexOf(spec.charAt(1)) >= 0) {
            fill = spec.charAt(0);
            align = spec.charAt(1);
            i = 2;
        } else if ("<>^".indexOf(spec.charAt(0)) >= 0) {
            align = spec.charAt(0);
            i = 1;
        }
        int widthStart = i;
        while (i < spec.length() && Character.isDigit(spec.charAt(i))) {
            i++;
        }
        int width = i > widthStart ? Integer.parseInt(spec.substring(widthStart, i)) : 0;
        int precision = -1;
        if (i < spec.length() && spec.charAt(i) == '.') {
            int p = ++i;
            while (i < spec.length() && Character.isDigit(spec.charAt(i))) {
                i++;
            }
            precision = Integer.parseInt(spec.substring(p, i));
        }
        char type = i < spec.length() ? spec.charAt(i++) : 0;
        if (i != spec.length()) {
            throw RenderSession.error("Invalid format specifier '" + spec + "'");
        }
        String body = text;
        boolean numeric = value instanceof Number;
        if (type == 'f') {
            if (!numeric) {
                throw RenderSession.error("Unknown format code 'f' for object of type 'str'");
            }
            body =
                    new BigDecimal(((Number) value).toString())
                            .setScale(precision < 0 ? 6 : precision, RoundingMode.HALF_EVEN)
                            .toPlainString();
        } else if (type == 'd') {
            if (!numeric) {
                throw RenderSession.error("Unknown format code 'd' for object of type 'str'");
            }
        } else if (type == 's' || type == 0) {
            if (precision >= 0 && !numeric && body.length() > precision) {
                body = body.substring(0, precision);
            }
        } else {
            throw RenderSession.error("Unknown format code '" + type + "'");
        }
        if (align == 0) {
            align = numeric ? '>' : '<';
        }
        int pad = width - PythonStrings.length(body);
        if (pad <= 0) {
            return body;
        }
        String fillText = String.valueOf(fill);
        switch (align) {
            case '>':
                return fillText.repeat(pad) + body;
            case '^':
                return fillText.repeat(pad / 2) + body + fillText.repeat(pad - pad / 2);
            default:
                return body + fillText.repeat(pad);
        }
    }
}
