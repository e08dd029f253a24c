package io.rewardlens.scoring.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * jinja2's {@code map}, {@code select}, {@code reject}, {@code selectattr} and {@code rejectattr},
 * which give a {@link PyGenerator}. Jinjava's versions give lists (so {@code |length} and {@code
 * |tojson} work where jinja2 raises, and an empty result is false where jinja2's is true), refuse
 * {@code select} without a test, and do not follow dotted attributes such as {@code
 * 'function.name'}.
 */
final class GeneratorFilters {
    private static final Map<String, String> OPERATOR_TESTS =
            Map.of("==", "eq", "!=", "ne", ">", "gt", ">=", "ge", "<", "lt", "<=", "le");

    private GeneratorFilters() {}

    /** The five filters, registered over Jinjava's namesakes. */
    static List<Filter> all() {
        return List.of(
                new MapFilter(),
                new SelectFilter("select", false, true),
                new SelectFilter("reject", false, false),
                new SelectFilter("selectattr", true, true),
                new SelectFilter("rejectattr", true, false));
    }

    /**
     * An item's attribute as jinja2's {@code make_attrgetter} reads it: dot-separated parts,
     * numeric parts as list indexes; undefined (null) where a part is missing.
     */
    static Object attribute(Object item, String path) {
        Object value = item;
        for (String part : path.split("\\.", -1)) {
            boolean numeric = !part.isEmpty() && part.chars().allMatch(Character::isDigit);
            if (value instanceof Map) {
                Map<?, ?> map = (Map<?, ?>) value;
                value =
                        numeric && !map.containsKey(part)
                                ? map.get(Long.parseLong(part))
                                : map.get(part);
            } else if (value instanceof List && numeric) {
                List<?> list = (List<?>) value;
                long index = Long.parseLong(part);
                value = index < list.size() ? list.get((int) index) : null;
            } else {
                return null;
            }
        }
        return value;
    }

    /** The items a filter goes through: jinja2 iterates only a true value (none|map is empty). */
    private static List<Object> items(Object var) {
        return PythonValues.truthy(var) ? PythonForTag.iterate(var) : List.of();
    }

    /** {@code map(filter, *args, **kwargs)} or {@code map(attribute=name, default=value)}. */
    private static final class MapFilter extends PythonFilters.NamedFilter {
        MapFilter() {
            super("map");
        }

        @Override
        public Object filter(
                Object var,
                JinjavaInterpreter interpreter,
                Object[] args,
                Map<String, Object> kwargs) {
            List<Object> items = items(var);
            List<Object> out = new ArrayList<>(items.size());
            if (kwargs.containsKey("attribute")) {
                String path = PythonValues.str(kwargs.get("attribute"));
                boolean hasDefault = kwargs.containsKey("default");
                for (Object item : items) {
                    Object value = attribute(item, path);
                    out.add(value == null && hasDefault ? kwargs.get("default") : value);
                }
                return new PyGenerator(out);
            }
            if (args.length == 0) {
                throw RenderSession.error("map requires a filter argument");
            }
            String name = PythonValues.str(args[0]);
            Filter filter = interpreter.getContext().getFilter(name);
            if (filter == null) {
                throw RenderSession.error("No filter named '" + name + "'.");
            }
            Object[] rest = Arrays.copyOfRange(args, 1, args.length);
            for (Object item : items) {
                RenderSession.current().check();
                out.add(filter.filter(item, interpreter, rest, kwargs));
            }
            return new PyGenerator(out);
        }
    }

    /**
     * {@code select}/{@code reject}, and with an attribute first, {@code selectattr}/{@code
     * rejectattr}.
     */
    private static final class SelectFilter extends PythonFilters.NamedFilter {
        private final boolean byAttribute;
        private final boolean keep;

        SelectFilter(String name, boolean byAttribute, boolean keep) {
            super(name);
            this.byAttribute = byAttribute;
            this.keep = keep;
        }

        @Override
        public Object filter(
                Object var,
                JinjavaInterpreter interpreter,
                Object[] args,
                Map<String, Object> kwargs) {
            int next = 0;
            String path = null;
            if (byAttribute) {
                if (args.length == 0) {
                    throw RenderSession.error(getName() + " requires an attribute argument");
                }
                path = PythonValues.str(args[next++]);
            }
            ExpTest test = null;
            if (args.length > next) {
                String testName = PythonValues.str(args[next++]);
                test =
                        interpreter
                                .getContext()
                                .getExpTest(OPERATOR_TESTS.getOrDefault(testName, testName));
                if (test == null) {
                    throw RenderSession.error("No test named '" + testName + "'.");
                }
            }
            Object[] testArgs = Arrays.copyOfRange(args, next, args.length);
            List<Object> out = new ArrayList<>();
            for (Object item : items(var)) {
                RenderSession.current().check();
                Object value = path == null ? item : attribute(item, path);
                boolean passes =
                        test == null
                                ? PythonValues.truthy(value)
                                : test.evaluate(value, interpreter, testArgs);
                if (passes == keep) {
                    out.add(item);
                }
            }
            return new PyGenerator(out);
        }
    }
}
