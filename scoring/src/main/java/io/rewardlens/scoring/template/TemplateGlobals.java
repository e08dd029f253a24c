package io.rewardlens.scoring.template;

import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.lang.reflect.Method;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The global functions that Hugging Face adds to the template environment ({@code raise_exception},
 * {@code strftime_now}) and jinja2's sandboxed {@code range}, which refuses ranges over 100,000
 * items (Jinjava's silently stops at 1,000).
 */
final class TemplateGlobals {
    /** jinja2's sandbox limit on {@code range}. */
    static final int MAX_RANGE = 100_000;

    private TemplateGlobals() {}

    /** The function definitions to register, replacing Jinjava's {@code range}. */
    static List<ELFunctionDefinition> definitions() {
        List<ELFunctionDefinition> defs = new ArrayList<>();
        defs.add(define("raise_exception", "raiseException", Object.class));
        defs.add(define("strftime_now", "strftimeNow", Object.class));
        defs.add(define("range", "range", Object.class, Object[].class));
        defs.add(define("dict", "dict", Object[].class));
        defs.add(define("cycler", "cycler", Object[].class));
        return defs;
    }

    private static ELFunctionDefinition define(String name, String method, Class<?>... types) {
        try {
            Method m = TemplateGlobals.class.getDeclaredMethod(method, types);
            // Jinjava invokes the Method reflectively from its own package.
            m.setAccessible(true);
            return new ELFunctionDefinition("", name, m);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code raise_exception(message)}: stops rendering with exactly that message. */
    static Object raiseException(Object message) {
        throw RenderSession.current().raise(PythonValues.str(message));
    }

    /** {@code strftime_now(format)}: the session clock's current time, formatted like Python. */
    static String strftimeNow(Object format) {
        if (!(format instanceof String)) {
            throw RenderSession.error("strftime_now() argument must be str");
        }
        return strftime(ZonedDateTime.now(RenderSession.current().clock()), (String) format);
    }

    /** {@code cycler(*items)}. */
    static Cycler cycler(Object... items) {
        return new Cycler(items == null ? List.of() : java.util.Arrays.asList(items));
    }

    /** {@code dict(key=value, ...)}: a new dict from keyword arguments. */
    static Map<String, Object> dict(Object... keywords) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Object k : keywords == null ? new Object[0] : keywords) {
            if (!(k instanceof NamedParameter)) {
                throw RenderSession.error("dict() takes keyword arguments only here");
            }
            out.put(((NamedParameter) k).getName(), ((NamedParameter) k).getValue());
        }
        return out;
    }

    /** {@code range(stop)} or {@code range(start, stop[, step])} with Python's semantics. */
    static List<Long> range(Object first, Object... rest) {
        long start = 0;
        long stop;
        long step = 1;
        if (rest == null || rest.length == 0) {
            stop = integer(first);
        } else {
            start = integer(first);
            stop = integer(rest[0]);
            if (rest.length > 1) {
                step = integer(rest[1]);
            }
            if (rest.length > 2) {
                throw RenderSession.error(
                        "range expected at most 3 arguments, got " + (rest.length + 1));
            }
        }
        if (step == 0) {
            throw RenderSession.error("range() arg 3 must not be zero");
        }
        long length =
                step > 0
                        ? (stop > start ? (stop - start + step - 1) / step : 0)
                        : (start > stop ? (start - stop - step - 1) / -step : 0);
        if (length > MAX_RANGE) {
            throw RenderSession.error(
                    "Range too big. The sandbox blocks ranges larger than MAX_RANGE ("
                            + MAX_RANGE
                            + ").");
        }
        List<Long> out = new ArrayList<>((int) length);
        for (long i = 0, v = start; i < length; i++, v += step) {
            out.add(v);
        }
        return out;
    }

    private static long integer(Object o) {
        if (o instanceof Long || o instanceof Integer || o instanceof Short) {
            return ((Number) o).longValue();
        }
        if (o instanceof Boolean) {
            return (Boolean) o ? 1 : 0;
        }
        throw RenderSession.error(
                "'" + PythonOperators.typeName(o) + "' object cannot be interpreted as an integer");
    }

    /** Python's {@code strftime} for the directives of the C locale. */
    static String strftime(ZonedDateTime t, String format) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                out.append(c);
                continue;
            }
            char d = format.charAt(++i);
            if (d == '-' && i + 1 < format.length()) {
                // glibc's "no padding" flag, which Python passes through: %-d is "5", not "05".
                String padded = directive(t, format.charAt(++i));
                String stripped = padded.replaceFirst("^[0 ]+(?=.)", "");
                out.append(stripped);
                continue;
            }
            out.append(directive(t, d));
        }
        return out.toString();
    }

    private static String directive(ZonedDateTime t, char d) {
        StringBuilder out = new StringBuilder();
        switch (d) {
            case 'a':
                out.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                break;
            case 'A':
                out.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                break;
            case 'b':
            case 'h':
                out.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                break;
            case 'B':
                out.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                break;
            case 'd':
                out.append(String.format("%02d", t.getDayOfMonth()));
                break;
            case 'e':
                out.append(String.format("%2d", t.getDayOfMonth()));
                break;
            case 'H':
                out.append(String.format("%02d", t.getHour()));
                break;
            case 'I':
                out.append(String.format("%02d", t.getHour() % 12 == 0 ? 12 : t.getHour() % 12));
                break;
            case 'j':
                out.append(String.format("%03d", t.getDayOfYear()));
                break;
            case 'm':
                out.append(String.format("%02d", t.getMonthValue()));
                break;
            case 'M':
                out.append(String.format("%02d", t.getMinute()));
                break;
            case 'p':
                out.append(t.getHour() < 12 ? "AM" : "PM");
                break;
            case 'S':
                out.append(String.format("%02d", t.getSecond()));
                break;
            case 'f':
                out.append(String.format("%06d", t.getNano() / 1000));
                break;
            case 'w':
                out.append(t.getDayOfWeek().getValue() % 7);
                break;
            case 'u':
                out.append(t.getDayOfWeek().getValue());
                break;
            case 'y':
                out.append(String.format("%02d", t.getYear() % 100));
                break;
            case 'Y':
                out.append(t.getYear());
                break;
            case 'z':
                out.append(
                        t.getOffset().getId().equals("Z")
                                ? "+0000"
                                : t.getOffset().getId().replace(":", ""));
                break;
            case 'Z':
                out.append(t.getZone().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                break;
            case 'F':
                out.append(
                        String.format(
                                "%04d-%02d-%02d",
                                t.getYear(), t.getMonthValue(), t.getDayOfMonth()));
                break;
            case 'T':
                out.append(
                        String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond()));
                break;
            case '%':
                out.append('%');
                break;
            default:
                out.append('%').append(d);
        }
        return out.toString();
    }
}
