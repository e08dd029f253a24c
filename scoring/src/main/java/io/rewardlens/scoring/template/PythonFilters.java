package io.rewardlens.scoring.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.objects.SafeString;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * jinja2 filters whose Jinjava versions differ in output: {@code tojson} (Hugging Face's: {@code
 * ensure_ascii=False}, Python spacing, {@code indent}), {@code trim} (Python whitespace), {@code
 * length}/{@code count} (code points, not UTF-16 units), {@code string} and {@code join} (Python
 * {@code str}), {@code upper}/{@code lower} and {@code items}.
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
        return filters;
    }

    /** jinja2's string filters convert their input with {@code str} first. */
    private static String text(Object v) {
        return PythonValues.str(v);
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
            List<Object> pair = new ArrayList<>(2);
            pair.add(e.getKey());
            pair.add(e.getValue());
            out.add(pair);
        }
        return out;
    }

    /** A filter body: the value and its positional arguments. */
    private interface Body {
        Object apply(Object value, Object[] args);
    }

    /** A filter with positional arguments only. */
    private static final class Simple implements Filter {
        private final String name;
        private final Body body;

        Simple(String name, Body body) {
            this.name = name;
            this.body = body;
        }

        @Override
        public String getName() {
            return name;
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

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
            return filter(var, interpreter, (Object[]) args, Map.of());
        }
    }

    /** {@code tojson(indent=None, separators=None, sort_keys=False)}. */
    private static final class Tojson implements Filter {
        @Override
        public String getName() {
            return "tojson";
        }

        @Override
        public Object filter(
                Object var,
                JinjavaInterpreter interpreter,
                Object[] args,
                Map<String, Object> kwargs) {
            Object indent = kwargs.containsKey("indent") ? kwargs.get("indent") : arg(args, 0);
            Object separators = kwargs.get("separators");
            boolean sortKeys = PythonValues.truthy(kwargs.get("sort_keys"));
            return RenderSession.current()
                    .limitString(PythonJson.dumps(var, indent, separators, sortKeys));
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
            return filter(var, interpreter, (Object[]) args, Map.of());
        }
    }

    /** {@code join(d='', attribute=None)}, printing items with Python's {@code str}. */
    private static final class Join implements Filter {
        @Override
        public String getName() {
            return "join";
        }

        @Override
        public Object filter(
                Object var,
                JinjavaInterpreter interpreter,
                Object[] args,
                Map<String, Object> kwargs) {
            Object sep = kwargs.containsKey("d") ? kwargs.get("d") : arg(args, 0);
            Object attribute =
                    kwargs.containsKey("attribute") ? kwargs.get("attribute") : arg(args, 1);
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

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
            return filter(var, interpreter, (Object[]) args, Map.of());
        }
    }

    private static Object arg(Object[] args, int i) {
        return args != null && args.length > i ? args[i] : null;
    }
}
