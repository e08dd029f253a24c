package io.rewardlens.scoring.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.objects.SafeString;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * jinja2 filters whose Jinjava versions give other output: {@code tojson} (Hugging Face's: {@code
 * ensure_ascii=False}, Python spacing, {@code indent}), {@code trim} (Python whitespace), {@code
 * length}/{@code count} (code points, not UTF-16 units), the string filters (which apply Python's
 * {@code str} to their input first, so {@code True} stays {@code True}), {@code default} (keeps the
 * fallback's type), and the sequence filters ({@code first}, {@code last}, {@code reverse}, {@code
 * sort}, {@code list}, {@code max}, {@code min}, {@code sum}, {@code batch}, {@code items}, {@code
 * dictsort}), which treat a string as its characters and a dict as its keys, as Python does.
 */
final class PythonFilters {
    private PythonFilters() {}

    /** All the filters, registered over Jinjava's namesakes. */
    static List<Filter> all() {
        List<Filter> filters = new ArrayList<>();
        filters.add(new Tojson());
        filters.add(new Simple("trim", (v, a) -> PythonStrings.strip(text(v), optional(a, 0))));
        filters.add(new Simple("length", (v, a) -> length(v)));
        filters.add(new Simple("count", (v, a) -> length(v)));
        filters.add(new Simple("string", (v, a) -> PythonValues.str(v)));
        filters.add(new Simple("upper", (v, a) -> PythonStrings.upper(text(v))));
        filters.add(new Simple("lower", (v, a) -> PythonStrings.lower(text(v))));
        filters.add(new Simple("items", (v, a) -> items(v)));
        filters.add(new Join());
        filters.add(new Simple("list", (v, a) -> PythonForTag.iterate(v)));
        filters.add(new Extreme("max", 1));
        filters.add(new Extreme("min", -1));
        filters.add(new Sum());
        filters.add(new Batch());
        filters.add(new Dictsort());
        filters.add(new Simple("capitalize", (v, a) -> PythonStrings.capitalize(text(v))));
        filters.add(new Simple("title", (v, a) -> jinjaTitle(text(v))));
        filters.add(new Simple("escape", (v, a) -> escape(v)));
        filters.add(new Simple("e", (v, a) -> escape(v)));
        filters.add(
                new Simple(
                        "replace",
                        (v, a) ->
                                RenderSession.current()
                                        .limitString(
                                                PythonStrings.replace(
                                                        text(v),
                                                        PythonValues.str(arg(a, 0)),
                                                        PythonValues.str(arg(a, 1)),
                                                        arg(a, 2) instanceof Number
                                                                ? ((Number) arg(a, 2)).intValue()
                                                                : -1))));
        filters.add(new Simple("first", (v, a) -> end(v, true)));
        filters.add(new Simple("last", (v, a) -> end(v, false)));
        filters.add(new Simple("reverse", (v, a) -> reverse(v)));
        filters.add(new Sort());
        filters.add(new Default("default"));
        filters.add(new Default("d"));
        filters.add(new Truncate());
        filters.add(new Round());
        filters.addAll(GeneratorFilters.all());
        return filters;
    }

    /** jinja2's string filters convert their input with {@code str} first. */
    private static String text(Object v) {
        return PythonValues.str(v);
    }

    /** jinja2's {@code title}: words start after whitespace, brackets or hyphens only. */
    private static String jinjaTitle(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean wordStart = true;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            boolean separator = PythonStrings.isSpace(cp) || "-({[<".indexOf(cp) >= 0;
            if (separator) {
                out.appendCodePoint(cp);
                wordStart = true;
            } else {
                out.appendCodePoint(
                        wordStart ? Character.toUpperCase(cp) : Character.toLowerCase(cp));
                wordStart = false;
            }
        }
        return out.toString();
    }

    /** jinja2's {@code escape}: Markup as it is, anything else HTML-escaped into Markup. */
    private static SafeString escape(Object v) {
        if (v instanceof SafeString) {
            return (SafeString) v;
        }
        return new SafeString(PythonOperators.escapeHtml(PythonValues.str(v)));
    }

    /** {@code first}/{@code last}: an item of any iterable, a character of a string. */
    private static Object end(Object v, boolean first) {
        if (!first && v instanceof PyGenerator) {
            throw RenderSession.error("'generator' object is not reversible");
        }
        List<Object> items = PythonForTag.iterate(v);
        if (items.isEmpty()) {
            return null;
        }
        return items.get(first ? 0 : items.size() - 1);
    }

    /** {@code reverse}: a string reversed, any other iterable as a reversed list. */
    private static Object reverse(Object v) {
        if (v instanceof String || v instanceof SafeString) {
            return new StringBuilder(v.toString()).reverse().toString();
        }
        List<Object> items = PythonForTag.iterate(v);
        java.util.Collections.reverse(items);
        return items;
    }

    private static String optional(Object[] args, int i) {
        return args.length > i && args[i] != null ? PythonValues.str(args[i]) : null;
    }

    private static long length(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof String || v instanceof SafeString) {
            return PythonStrings.length(v.toString());
        }
        if (v instanceof Collection) {
            return ((Collection<?>) v).size();
        }
        if (v instanceof Map) {
            return ((Map<?, ?>) v).size();
        }
        throw RenderSession.error(
                "object of type '" + PythonOperators.typeName(v) + "' has no len()");
    }

    private static List<Object> items(Object v) {
        List<Object> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof Map)) {
            throw RenderSession.error("Can only get item pairs from a mapping.");
        }
        for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
            out.add(new PyTuple(e.getKey(), e.getValue()));
        }
        return out;
    }

    /** A filter body: the value and its positional arguments. */
    private interface Body {
        Object apply(Object value, Object[] args);
    }

    /** A filter known by its name, whose string-argument form runs the keyword form. */
    abstract static class NamedFilter implements Filter {
        private final String name;

        NamedFilter(String name) {
            this.name = name;
        }

        @Override
        public final String getName() {
            return name;
        }

        @Override
        public final Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
            return filter(var, interpreter, (Object[]) args, Map.of());
        }
    }

    /** A filter with positional arguments only. */
    private static final class Simple extends NamedFilter {
        private final Body body;

        Simple(String name, Body body) {
            super(name);
            this.body = body;
        }

        @Override
        public Object filter(
                Object var,
                JinjavaInterpreter interpreter,
                Object[] args,
                Map<String, Object> kwargs) {
            RenderSession.current().check();
            return body.apply(var, args);
        }
    }

    /**
     * Hugging Face's {@code tojson(ensure_ascii=False, indent=None, separators=None,
     * sort_keys=False)}, which replaces jinja2's: its first positional argument is {@code
     * ensure_ascii}.
     */
    private static final class Tojson extends NamedFilter {
        Tojson() {
            super("tojson");
        }

        @Override
        public Object filter(
                Object var,
                JinjavaInterpreter interpreter,
                Object[] args,
                Map<String, Object> kwargs) {
            boolean ensureAscii = PythonValues.truthy(argument(args, kwargs, "ensure_ascii", 0));
            Object indent = argument(args, kwargs, "indent", 1);
            Object separators = argument(args, kwargs, "separators", 2);
            boolean sortKeys = PythonValues.truthy(argument(args, kwargs, "sort_keys", 3));
            return RenderSession.current()
                    .limitString(PythonJson.dumps(var, ensureAscii, indent, separators, sortKeys));
        }
    }

    /**
     * {@code round(precision=0, method='common')}: {@code common} is Python's {@code round}, which
     * rounds the exact binary value and sends ties to even ({@code 2.5} gives {@code 2.0}); {@code
     * ceil} and {@code floor} scale, round and scale back, giving a float.
     */
    private static final class Round extends NamedFilter {
        Round() {
            super("round");
        }

        @Override
        public Object filter(
                Object var,
                JinjavaInterpreter interpreter,
                Object[] args,
                Map<String, Object> kwargs) {
            Object precisionArg = argument(args, kwargs, "precision", 0);
            int precision = precisionArg == null ? 0 : ((Number) precisionArg).intValue();
            Object methodArg = argument(args, kwargs, "method", 1);
            String method = methodArg == null ? "common" : text(methodArg);
            if (var instanceof Boolean) {
                var = (Boolean) var ? 1L : 0L;
            }
            if (!(var instanceof Number)) {
                throw RenderSession.error(
                        "type "
                                + PythonOperators.typeName(var)
                                + " doesn't define __round__ method");
            }
            boolean integer =
                    !(var instanceof Double || var instanceof Float || var instanceof BigDecimal);
            switch (method) {
                case "common":
                    if (integer && precision >= 0) {
                        return ((Number) var).longValue();
                    }
                    BigDecimal exact =
                            integer
                                    ? BigDecimal.valueOf(((Number) var).longValue())
                                    : new BigDecimal(((Number) var).doubleValue());
                    BigDecimal rounded = exact.setScale(precision, RoundingMode.HALF_EVEN);
                    return integer ? (Object) rounded.longValue() : (Object) rounded.doubleValue();
                case "ceil":
                case "floor":
                    double scale = Math.pow(10, precision);
                    double scaled = ((Number) var).doubleValue() * scale;
                    return (method.equals("ceil") ? Math.ceil(scaled) : Math.floor(scaled)) / scale;
                default:
                    throw RenderSession.error("method must be 'common', 'ceil' or 'floor'");
            }
        }
    }

    /** {@code truncate(length=255, killwords=False, end='...', leeway=5)}, counting code points. */
    private static final class Truncate extends NamedFilter {
        Truncate() {
            super("truncate");
        }

        @Override
        public Object filter(
                Object var,
                JinjavaInterpreter interpreter,
                Object[] args,
                Map<String, Object> kwargs) {
            String s = text(var);
            Object lengthArg = argument(args, kwargs, "length", 0);
            long length = lengthArg == null ? 255 : ((Number) lengthArg).longValue();
            boolean killWords = PythonValues.truthy(argument(args, kwargs, "killwords", 1));
            Object endArg = argument(args, kwargs, "end", 2);
            String end = endArg == null ? "..." : text(endArg);
            Object leewayArg = argument(args, kwargs, "leeway", 3);
            long leeway = leewayArg == null ? 5 : ((Number) leewayArg).longValue();
            long endLength = PythonStrings.length(end);
            if (length < endLength) {
                throw RenderSession.error("expected length >= " + endLength + ", got " + length);
            }
            if (PythonStrings.length(s) <= length + leeway) {
                return s;
            }
            String head =
                    s.substring(0, s.offsetByCodePoints(0, (int) Math.max(0, length - endLength)));
            if (killWords) {
                return head + end;
            }
            int space = head.lastIndexOf(' ');
            return (space < 0 ? head : head.substring(0, space)) + end;
        }
    }

    /** {@code join(d='', attribute=None)}, printing items with Python's {@code str}. */
    private static final class Join extends NamedFilter {
        Join() {
            super("join");
        }

        @Override
        public Object filter(
                Object var,
                JinjavaInterpreter interpreter,
                Object[] args,
                Map<String, Object> kwargs) {
            Object sep = argument(args, kwargs, "d", 0);
            Object attribute = argument(args, kwargs, "attribute", 1);
            String separator = sep == null ? "" : PythonValues.str(sep);
            StringBuilder out = new StringBuilder();
            boolean first = true;
            RenderSession session = RenderSession.current();
            for (Object item : PythonForTag.iterate(var)) {
                if (attribute != null) {
                    item = item instanceof Map ? ((Map<?, ?>) item).get(attribute) : null;
                }
                if (!first) {
                    out.append(separator);
                }
                out.append(PythonValues.str(item));
                first = false;
                session.checkLength(out.length());
            }
            return out.toString();
        }
    }

    /** {@code max}/{@code min(case_sensitive=False, attribute=None)}; undefined when empty. */
    private static final class Extreme extends NamedFilter {
        private final int sign;

        Extreme(String name, int sign) {
            super(name);
            this.sign = sign;
        }

        @Override
        public Object filter(
                Object var,
                JinjavaInterpreter interpreter,
                Object[] args,
                Map<String, Object> kwargs) {
            boolean caseSensitive =
                    PythonValues.truthy(argument(args, kwargs, "case_sensitive", 0));
            Object attribute = argument(args, kwargs, "attribute", 1);
            Object best = null;
            Object bestKey = null;
            for (Object item : PythonForTag.iterate(var)) {
                Object key = attributeOf(item, attribute);
                if (!caseSensitive && key instanceof String) {
                    key = PythonStrings.lower((String) key);
                }
                if (best == null || sign * compare(key, bestKey) > 0) {
                    best = item;
                    bestKey = key;
                }
            }
            return best;
        }
    }

    /**
     * Python's {@code <} ordering of two sortable values: numbers with numbers, strings with
     * strings.
     */
    static int compare(Object a, Object b) {
        a = a instanceof Boolean ? (Object) ((Boolean) a ? 1L : 0L) : a;
        b = b instanceof Boolean ? (Object) ((Boolean) b ? 1L : 0L) : b;
        if (a instanceof Number && b instanceof Number) {
            return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
        }
        if (a instanceof String && b instanceof String) {
            return ((String) a).compareTo((String) b);
        }
        throw RenderSession.error(
                "'<' not supported between instances of '"
                        + PythonOperators.typeName(a)
                        + "' and '"
                        + PythonOperators.typeName(b)
                        + "'");
    }

    /** {@link #compare}, ignoring the case of two strings unless {@code caseSensitive}. */
    private static int compareFolding(Object x, Object y, boolean caseSensitive) {
        if (!caseSensitive && x instanceof String && y instanceof String) {
            return compare(PythonStrings.lower((String) x), PythonStrings.lower((String) y));
        }
        return compare(x, y);
    }

    /** An item's {@code attribute} (a dict's key) when one is asked for, else the item. */
    private static Object attributeOf(Object item, Object attribute) {
        return attribute != null && item instanceof Map ? ((Map<?, ?>) item).get(attribute) : item;
    }

    /** {@code sort(reverse=False, case_sensitive=False, attribute=None)}. */
    private static final class Sort extends NamedFilter {
        Sort() {
            super("sort");
        }

        @Override
        public Object filter(
                Object var,
                JinjavaInterpreter interpreter,
                Object[] args,
                Map<String, Object> kwargs) {
            boolean reverse = PythonValues.truthy(argument(args, kwargs, "reverse", 0));
            boolean caseSensitive =
                    PythonValues.truthy(argument(args, kwargs, "case_sensitive", 1));
            Object attribute = argument(args, kwargs, "attribute", 2);
            List<Object> items = PythonForTag.iterate(var);
            items.sort(
                    (a, b) ->
                            compareFolding(
                                    attributeOf(a, attribute),
                                    attributeOf(b, attribute),
                                    caseSensitive));
            if (reverse) {
                java.util.Collections.reverse(items);
            }
            return items;
        }
    }

    /** {@code sum(attribute=None, start=0)}: an int while every term is an int. */
    private static final class Sum extends NamedFilter {
        Sum() {
            super("sum");
        }

        @Override
        public Object filter(
                Object var,
                JinjavaInterpreter interpreter,
                Object[] args,
                Map<String, Object> kwargs) {
            Object attribute = argument(args, kwargs, "attribute", 0);
            Object start = argument(args, kwargs, "start", 1);
            long whole = 0;
            double fraction = 0;
            boolean isFloat = false;
            List<Object> terms = new ArrayList<>(PythonForTag.iterate(var));
            if (start != null) {
                terms.add(start);
            }
            for (Object item : terms) {
                Object term = attributeOf(item, attribute);
                if (term instanceof Double || term instanceof Float) {
                    isFloat = true;
                    fraction += ((Number) term).doubleValue();
                } else if (term instanceof Number) {
                    whole += ((Number) term).longValue();
                } else if (term instanceof Boolean) {
                    whole += (Boolean) term ? 1 : 0;
                } else {
                    throw RenderSession.error(
                            "unsupported operand type(s) for +: 'int' and '"
                                    + PythonOperators.typeName(term)
                                    + "'");
                }
            }
            return isFloat ? (Object) (whole + fraction) : (Object) whole;
        }
    }

    /** {@code batch(linecount, fill_with=None)}: the last batch is filled only when asked. */
    private static final class Batch extends NamedFilter {
        Batch() {
            super("batch");
        }

        @Override
        public Object filter(
                Object var,
                JinjavaInterpreter interpreter,
                Object[] args,
                Map<String, Object> kwargs) {
            Object count = argument(args, kwargs, "linecount", 0);
            if (!(count instanceof Number) || ((Number) count).longValue() <= 0) {
                throw RenderSession.error("batch needs a positive line count");
            }
            int size = (int) Math.min(((Number) count).longValue(), Integer.MAX_VALUE);
            boolean fill = kwargs.containsKey("fill_with") || (args != null && args.length > 1);
            Object filler = argument(args, kwargs, "fill_with", 1);
            List<Object> batches = new ArrayList<>();
            List<Object> current = new ArrayList<>();
            for (Object item : PythonForTag.iterate(var)) {
                current.add(item);
                if (current.size() == size) {
                    batches.add(current);
                    current = new ArrayList<>();
                }
            }
            if (!current.isEmpty()) {
                while (fill && current.size() < size) {
                    current.add(filler);
                }
                batches.add(current);
            }
            return batches;
        }
    }

    /**
     * {@code default(value='', boolean=False)}: the fallback replaces an undefined value (or, with
     * {@code boolean}, any false one) and keeps its type; Jinjava's turns it into a string.
     */
    private static final class Default extends NamedFilter {
        Default(String name) {
            super(name);
        }

        @Override
        public Object filter(
                Object var,
                JinjavaInterpreter interpreter,
                Object[] args,
                Map<String, Object> kwargs) {
            Object fallback;
            if (kwargs.containsKey("default_value")) {
                fallback = kwargs.get("default_value");
            } else {
                fallback = args != null && args.length > 0 ? args[0] : "";
            }
            Object onFalse = argument(args, kwargs, "boolean", 1);
            boolean replace =
                    var == null || (PythonValues.truthy(onFalse) && !PythonValues.truthy(var));
            return replace ? fallback : var;
        }
    }

    /** {@code dictsort(case_sensitive=False, by='key', reverse=False)}: (key, value) tuples. */
    private static final class Dictsort extends NamedFilter {
        Dictsort() {
            super("dictsort");
        }

        @Override
        public Object filter(
                Object var,
                JinjavaInterpreter interpreter,
                Object[] args,
                Map<String, Object> kwargs) {
            if (!(var instanceof Map)) {
                throw RenderSession.error(
                        "dictsort needs a dict, got " + PythonOperators.typeName(var));
            }
            boolean caseSensitive =
                    PythonValues.truthy(argument(args, kwargs, "case_sensitive", 0));
            Object by = argument(args, kwargs, "by", 1);
            boolean reverse = PythonValues.truthy(argument(args, kwargs, "reverse", 2));
            int position = "value".equals(by) ? 1 : 0;
            List<PyTuple> pairs = new ArrayList<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) var).entrySet()) {
                pairs.add(new PyTuple(e.getKey(), e.getValue()));
            }
            pairs.sort((a, b) -> compareFolding(a.get(position), b.get(position), caseSensitive));
            if (reverse) {
                java.util.Collections.reverse(pairs);
            }
            return new ArrayList<Object>(pairs);
        }
    }

    private static Object arg(Object[] args, int i) {
        return args != null && args.length > i ? args[i] : null;
    }

    /** A parameter passed by keyword or else at position {@code i}; null when not passed. */
    private static Object argument(Object[] args, Map<String, Object> kwargs, String name, int i) {
        return kwargs.containsKey(name) ? kwargs.get(name) : arg(args, i);
    }
}
