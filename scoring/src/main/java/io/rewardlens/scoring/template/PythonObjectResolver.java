package io.rewardlens.scoring.template;

import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.objects.SafeString;
import java.beans.FeatureDescriptor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;
import jinjava.javax.el.PropertyNotWritableException;

/**
 * The sandbox and the Python object model of the template language. Every attribute read and method
 * call on a value passes through here first: strings, dicts and lists get the Python methods that
 * chat templates call ({@code content.strip()}, {@code message.items()}, {@code messages[::-1]}),
 * the loop object gets its jinja2 attributes, and every other Java object is opaque: reading an
 * attribute gives undefined and calling a method is an error, so a template can never reach {@code
 * getClass()} or anything behind it.
 */
final class PythonObjectResolver extends ELResolver {
    /** The method name that slice syntax ({@code x[a:b:c]}) is translated into. */
    static final String SLICE_METHOD = "__slice__";

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base == null || base instanceof Map) {
            return null;
        }
        context.setPropertyResolved(true);
        if (base instanceof String || base instanceof SafeString) {
            if (isIndex(property)) {
                String s = base.toString();
                long index = index(property);
                long length = PythonStrings.length(s);
                return index < -length || index >= length ? null : PythonStrings.charAt(s, index);
            }
            return null;
        }
        if (base instanceof List) {
            if (isIndex(property)) {
                List<?> list = (List<?>) base;
                long index = index(property);
                long i = index < 0 ? index + list.size() : index;
                return i < 0 || i >= list.size() ? null : list.get((int) i);
            }
            return null;
        }
        if (base instanceof PythonForTag.Loop) {
            return ((PythonForTag.Loop) base).attribute(String.valueOf(property));
        }
        if (base instanceof Cycler && "current".equals(property)) {
            return ((Cycler) base).current();
        }
        return null;
    }

    @Override
    public Object invoke(
            ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base == null || method == null) {
            return null;
        }
        String name = method.toString();
        if ((base instanceof Filter && name.equals("filter"))
                || (base instanceof ExpTest
                        && (name.equals("evaluate") || name.equals("evaluateNegated")))) {
            // Jinjava's own calls for "x|filter" and "x is test"; the bean resolver performs them.
            return null;
        }
        RenderSession.current().check();
        Args args = new Args(name, params == null ? new Object[0] : params);
        Object result;
        if (base instanceof String || base instanceof SafeString) {
            result = stringMethod(base.toString(), name, args);
        } else if (base instanceof Map) {
            result = dictMethod((Map<?, ?>) base, name, args);
        } else if (base instanceof List) {
            result = listMethod((List<?>) base, name, args);
        } else if (name.equals(SLICE_METHOD)) {
            // Subscripting something that is not a sequence is undefined in jinja2, not an error.
            result = null;
        } else if (base instanceof PythonForTag.Loop && name.equals("cycle")) {
            result = ((PythonForTag.Loop) base).cycle(args.positional);
        } else if (base instanceof PythonForTag.Loop && name.equals("changed")) {
            result = ((PythonForTag.Loop) base).changed(args.positional);
        } else if (base instanceof Cycler) {
            result = ((Cycler) base).call(name, args.positional);
        } else {
            throw noSuchMethod(base, name);
        }
        context.setPropertyResolved(true);
        return result;
    }

    private static Object stringMethod(String s, String name, Args args) {
        switch (name) {
            case "startswith":
            case "endswith":
                {
                    args.count(1, 3);
                    String part = substringForBounds(s, args.get(1), args.get(2));
                    Object prefixes = args.get(0);
                    List<?> options =
                            prefixes instanceof List ? (List<?>) prefixes : List.of(text(prefixes));
                    for (Object option : options) {
                        String p = text(option);
                        if (name.equals("startswith") ? part.startsWith(p) : part.endsWith(p)) {
                            return true;
                        }
                    }
                    return false;
                }
            case "strip":
                args.count(0, 1);
                return PythonStrings.strip(s, optionalText(args.get(0)));
            case "lstrip":
                args.count(0, 1);
                return PythonStrings.lstrip(s, optionalText(args.get(0)));
            case "rstrip":
                args.count(0, 1);
                return PythonStrings.rstrip(s, optionalText(args.get(0)));
            case "split":
            case "rsplit":
                {
                    args.count(0, 2);
                    String sep = optionalText(args.named("sep", 0));
                    Object max = args.named("maxsplit", 1);
                    int maxsplit = max == null ? -1 : (int) integer(max);
                    return name.equals("split")
                            ? PythonStrings.split(s, sep, maxsplit)
                            : PythonStrings.rsplit(s, sep, maxsplit);
                }
            case "splitlines":
                args.count(0, 1);
                return PythonStrings.splitlines(s, PythonValues.truthy(args.named("keepends", 0)));
            case "upper":
                args.count(0, 0);
                return PythonStrings.upper(s);
            case "lower":
                args.count(0, 0);
                return PythonStrings.lower(s);
            case "title":
                args.count(0, 0);
                return PythonStrings.title(s);
            case "capitalize":
                args.count(0, 0);
                return PythonStrings.capitalize(s);
            case "replace":
                {
                    args.count(2, 3);
                    Object count = args.get(2);
                    String replaced =
                            PythonStrings.replace(
                                    s,
                                    text(args.get(0)),
                                    text(args.get(1)),
                                    count == null ? -1 : (int) integer(count));
                    return RenderSession.current().limitString(replaced);
                }
            case "format":
                return RenderSession.current()
                        .limitString(PythonFormat.format(s, args.positional, args.named));
            case "join":
                {
                    args.count(1, 1);
                    StringBuilder out = new StringBuilder();
                    boolean first = true;
                    for (Object item : PythonForTag.iterate(args.get(0))) {
                        if (!first) {
                            out.append(s);
                        }
                        out.append(text(item));
                        first = false;
                        RenderSession.current().checkLength(out.length());
                    }
                    return out.toString();
                }
            case "find":
            case "rfind":
            case "index":
            case "rindex":
                {
                    args.count(1, 1);
                    int at = PythonStrings.find(s, text(args.get(0)), name.startsWith("r"));
                    if (at < 0 && name.endsWith("index")) {
                        throw RenderSession.error("substring not found");
                    }
                    return at;
                }
            case "count":
                args.count(1, 1);
                return PythonStrings.count(s, text(args.get(0)));
            case "removeprefix":
                {
                    args.count(1, 1);
                    String p = text(args.get(0));
                    return s.startsWith(p) ? s.substring(p.length()) : s;
                }
            case "removesuffix":
                {
                    args.count(1, 1);
                    String p = text(args.get(0));
                    return s.endsWith(p) && !p.isEmpty()
                            ? s.substring(0, s.length() - p.length())
                            : s;
                }
            case "isdigit":
            case "isnumeric":
            case "isdecimal":
                args.count(0, 0);
                return !s.isEmpty() && s.codePoints().allMatch(Character::isDigit);
            case "isalpha":
                args.count(0, 0);
                return !s.isEmpty() && s.codePoints().allMatch(Character::isLetter);
            case "isalnum":
                args.count(0, 0);
                return !s.isEmpty() && s.codePoints().allMatch(Character::isLetterOrDigit);
            case "isspace":
                args.count(0, 0);
                return !s.isEmpty() && s.codePoints().allMatch(PythonStrings::isSpace);
            case "islower":
                args.count(0, 0);
                return s.codePoints().anyMatch(Character::isLowerCase)
                        && s.codePoints()
                                .noneMatch(
                                        c -> Character.isUpperCase(c) || Character.isTitleCase(c));
            case "isupper":
                args.count(0, 0);
                return s.codePoints().anyMatch(Character::isUpperCase)
                        && s.codePoints().noneMatch(Character::isLowerCase);
            case SLICE_METHOD:
                args.count(3, 3);
                return slice(s, args.get(0), args.get(1), args.get(2));
            default:
                throw noSuchMethod(s, name);
        }
    }

    private static Object dictMethod(Map<?, ?> map, String name, Args args) {
        switch (name) {
            case "items":
                {
                    args.count(0, 0);
                    List<Object> items = new ArrayList<>(map.size());
                    for (Map.Entry<?, ?> e : map.entrySet()) {
                        items.add(new PyTuple(e.getKey(), e.getValue()));
                    }
                    return items;
                }
            case "keys":
                args.count(0, 0);
                return new ArrayList<Object>(map.keySet());
            case "values":
                args.count(0, 0);
                return new ArrayList<Object>(map.values());
            case "get":
                {
                    args.count(1, 2);
                    Object key = args.get(0);
                    if (map.containsKey(key)) {
                        return map.get(key);
                    }
                    return args.positional.size() > 1 ? args.get(1) : PyNone.INSTANCE;
                }
            case "copy":
                args.count(0, 0);
                return new LinkedHashMap<Object, Object>(map);
            default:
                throw noSuchMethod(map, name);
        }
    }

    private static Object listMethod(List<?> list, String name, Args args) {
        switch (name) {
            case "index":
                {
                    args.count(1, 1);
                    for (int i = 0; i < list.size(); i++) {
                        if (PythonOperators.pythonEquals(list.get(i), args.get(0))) {
                            return i;
                        }
                    }
                    throw RenderSession.error(PythonValues.repr(args.get(0)) + " is not in list");
                }
            case "count":
                {
                    args.count(1, 1);
                    int n = 0;
                    for (Object item : list) {
                        if (PythonOperators.pythonEquals(item, args.get(0))) {
                            n++;
                        }
                    }
                    return n;
                }
            case "copy":
                args.count(0, 0);
                return new ArrayList<Object>(list);
            case SLICE_METHOD:
                args.count(3, 3);
                return slice(list, args.get(0), args.get(1), args.get(2));
            default:
                throw noSuchMethod(list, name);
        }
    }

    /** Python's {@code seq[start:stop:step]}, any of them may be null. */
    /** Python's {@code seq[start:stop:step]}, any of them may be null or None. */
    static List<Object> slice(List<?> items, Object start, Object stop, Object step) {
        long[] range = sliceRange(items.size(), start, stop, step);
        List<Object> out = new ArrayList<>();
        for (long i = range[0]; range[2] > 0 ? i < range[1] : i > range[1]; i += range[2]) {
            out.add(items.get((int) i));
        }
        return out;
    }

    /** Python's {@code s[start:stop:step]} on a string, counted in code points. */
    static String slice(String s, Object start, Object stop, Object step) {
        int[] codePoints = s.codePoints().toArray();
        long[] range = sliceRange(codePoints.length, start, stop, step);
        StringBuilder out = new StringBuilder();
        for (long i = range[0]; range[2] > 0 ? i < range[1] : i > range[1]; i += range[2]) {
            out.appendCodePoint(codePoints[(int) i]);
        }
        return out.toString();
    }

    /**
     * The first index, the bound and the step of a slice over {@code n} items, as Python computes
     * them.
     */
    private static long[] sliceRange(long n, Object start, Object stop, Object step) {
        start = start == PyNone.INSTANCE ? null : start;
        stop = stop == PyNone.INSTANCE ? null : stop;
        step = step == PyNone.INSTANCE ? null : step;
        long st = step == null ? 1 : integer(step);
        if (st == 0) {
            throw RenderSession.error("slice step cannot be zero");
        }
        long lower = st > 0 ? 0 : -1;
        long upper = st > 0 ? n : n - 1;
        long from =
                start == null ? (st > 0 ? lower : upper) : clamp(integer(start), n, lower, upper);
        long to = stop == null ? (st > 0 ? upper : lower) : clamp(integer(stop), n, lower, upper);
        return new long[] {from, to, st};
    }

    private static long clamp(long index, long n, long lower, long upper) {
        if (index < 0) {
            return Math.max(index + n, lower);
        }
        return Math.min(index, upper);
    }

    private static String substringForBounds(String s, Object start, Object end) {
        return start == null && end == null ? s : slice(s, start, end, null);
    }

    /**
     * Whether a subscript is an integer index. Jinjava passes subscripts on as strings, so {@code
     * "0"} counts too; a string key on a list or str is undefined in jinja2 anyway.
     */
    private static boolean isIndex(Object property) {
        return property instanceof Long
                || property instanceof Integer
                || (property instanceof String && ((String) property).matches("-?[0-9]{1,18}"));
    }

    private static long index(Object property) {
        return property instanceof Number
                ? ((Number) property).longValue()
                : Long.parseLong((String) property);
    }

    private static long integer(Object o) {
        if (o instanceof Long || o instanceof Integer || o instanceof Short) {
            return ((Number) o).longValue();
        }
        if (o instanceof Boolean) {
            return (Boolean) o ? 1 : 0;
        }
        throw RenderSession.error(
                "slice indices must be integers, not " + PythonOperators.typeName(o));
    }

    private static String text(Object o) {
        if (o instanceof String || o instanceof SafeString) {
            return o.toString();
        }
        throw RenderSession.error("expected a str, got " + PythonOperators.typeName(o));
    }

    private static String optionalText(Object o) {
        return o == null ? null : text(o);
    }

    private static RuntimeException noSuchMethod(Object base, String name) {
        return RenderSession.error(
                "'" + PythonOperators.typeName(base) + "' object has no attribute '" + name + "'");
    }

    /** Positional and keyword arguments of one call. */
    private static final class Args {
        final String method;
        final List<Object> positional = new ArrayList<>();
        final Map<String, Object> named = new LinkedHashMap<>();

        Args(String method, Object[] params) {
            this.method = method;
            for (Object p : params) {
                if (p instanceof NamedParameter) {
                    named.put(((NamedParameter) p).getName(), ((NamedParameter) p).getValue());
                } else {
                    positional.add(p);
                }
            }
        }

        void count(int min, int max) {
            int n = positional.size() + named.size();
            if (n < min || n > max) {
                throw RenderSession.error(
                        method
                                + "() takes "
                                + (min == max ? String.valueOf(min) : min + " to " + max)
                                + " arguments ("
                                + n
                                + " given)");
            }
        }

        Object get(int i) {
            return i < positional.size() ? positional.get(i) : null;
        }

        Object named(String name, int position) {
            return named.containsKey(name) ? named.get(name) : get(position);
        }
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        if (base != null) {
            context.setPropertyResolved(true);
            throw new PropertyNotWritableException(
                    "a template cannot assign to '" + property + "' of a value");
        }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        if (base != null) {
            context.setPropertyResolved(true);
            return true;
        }
        return false;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }
}
