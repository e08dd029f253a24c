package io.rewardlens.scoring.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.objects.SafeString;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * jinja2 tests whose Jinjava versions answer differently: {@code none} (true for {@link PyNone}),
 * {@code sequence} and {@code iterable} (true for strings and dicts too) and {@code in} (substring
 * and dict-key membership).
 */
final class PythonTests {
    private PythonTests() {}

    /** The tests, registered over Jinjava's namesakes. */
    static List<ExpTest> all() {
        return List.of(
                // Undefined counts as none too: Jinjava cannot tell it from null, and treating it
                // as none keeps "x is not none" guards safe.
                new Test("none", (v, args) -> v == null || v == PyNone.INSTANCE),
                new Test(
                        "sequence",
                        (v, args) -> isText(v) || v instanceof Collection || v instanceof Map),
                new Test(
                        "iterable",
                        (v, args) -> isText(v) || v instanceof Collection || v instanceof Map),
                new Test("in", (v, args) -> args.length == 1 && contains(args[0], v)));
    }

    /** Python's {@code item in container}. */
    static boolean contains(Object container, Object item) {
        if (isText(container)) {
            if (!isText(item)) {
                throw RenderSession.error(
                        "'in <string>' requires string as left operand, not "
                                + PythonOperators.typeName(item));
            }
            return container.toString().contains(item.toString());
        }
        if (container instanceof Map) {
            return ((Map<?, ?>) container).containsKey(item);
        }
        if (container instanceof Collection) {
            for (Object element : (Collection<?>) container) {
                if (PythonOperators.pythonEquals(element, item)) {
                    return true;
                }
            }
            return false;
        }
        throw RenderSession.error(
                "argument of type '" + PythonOperators.typeName(container) + "' is not iterable");
    }

    private static boolean isText(Object v) {
        return v instanceof String || v instanceof SafeString;
    }

    /** A test body: the value and the test's arguments. */
    private interface Body {
        boolean test(Object value, Object[] args);
    }

    private static final class Test implements ExpTest {
        private final String name;
        private final Body body;

        Test(String name, Body body) {
            this.name = name;
            this.body = body;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
            return body.test(var, args == null ? new Object[0] : args);
        }
    }
}
