package io.rewardlens.scoring.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.fn.MacroFunction;
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
                // Only None is none; an undefined value (Java null) is not, as in jinja2.
                new Test("none", (v, args) -> v == PyNone.INSTANCE),
                new Test(
                        "callable",
                        (v, args) -> v instanceof PyCallable || v instanceof MacroFunction),
                new Test(
                        "sequence",
                        (v, args) -> isText(v) || v instanceof Collection || v instanceof Map),
                new Test(
                        "iterable",
                        (v, args) ->
                                isText(v)
                                        || v instanceof Collection
                                        || v instanceof Map
                                        || v instanceof PyGenerator),
                new Test("in", (v, args) -> args.length == 1 && contains(args[0], v)),
                new Test("lower", (v, args) -> isText(v) && isCase(v.toString(), false)),
                new Test("upper", (v, args) -> isText(v) && isCase(v.toString(), true)),
                new Test("odd", (v, args) -> Math.floorMod(integer(v), 2L) == 1),
                new Test("even", (v, args) -> Math.floorMod(integer(v), 2L) == 0),
                new Test(
                        "divisibleby",
                        (v, args) ->
                                args.length == 1
                                        && integer(args[0]) != 0
                                        && integer(v) % integer(args[0]) == 0),
                new Test("number", (v, args) -> v instanceof Number || v instanceof Boolean),
                new Test("integer", (v, args) -> isInteger(v)),
                new Test("boolean", (v, args) -> v instanceof Boolean));
    }

    /** Python's {@code item in container}. */
    static boolean contains(Object container, Object item) {
        if (container == null) {
            // Iterating an undefined value yields nothing in jinja2, so nothing is in it.
            return false;
        }
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
        if (container instanceof Collection || container instanceof PyGenerator) {
            for (Object element : PythonForTag.iterate(container)) {
                if (PythonOperators.pythonEquals(element, item)) {
                    return true;
                }
            }
            return false;
        }
        throw RenderSession.error(
                "argument of type '" + PythonOperators.typeName(container) + "' is not iterable");
    }

    /**
     * Python's {@code str.islower()}/{@code isupper()}: some cased letter, none of the other case.
     */
    private static boolean isCase(String s, boolean upper) {
        boolean cased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
                if (!upper) {
                    return false;
                }
                cased = true;
            } else if (Character.isLowerCase(cp)) {
                if (upper) {
                    return false;
                }
                cased = true;
            }
        }
        return cased;
    }

    private static boolean isInteger(Object v) {
        return v instanceof Long
                || v instanceof Integer
                || v instanceof Short
                || v instanceof java.math.BigInteger;
    }

    /** An int operand of a numeric test; booleans count as 0 and 1, as in Python. */
    private static long integer(Object v) {
        if (v instanceof Boolean) {
            return (Boolean) v ? 1 : 0;
        }
        if (v instanceof Number) {
            return ((Number) v).longValue();
        }
        throw RenderSession.error("a number is required, not " + PythonOperators.typeName(v));
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
