package io.rewardlens.scoring.template;

import java.util.List;

/**
 * A global function seen as a value: what {@code strftime_now}, {@code raise_exception}, {@code
 * range}, {@code namespace} and jinja2's other globals are when a template names them without
 * calling them. jinja2 passes them as variables, so {@code strftime_now is defined} is true (the
 * Llama 3.2 templates only print today's date when it is) and {@code range is callable} holds; the
 * call itself still goes to the registered function.
 */
final class PyCallable {
    /** jinja2's default globals and the two that transformers adds. */
    static final List<String> GLOBAL_NAMES =
            List.of(
                    "range",
                    "dict",
                    "lipsum",
                    "cycler",
                    "joiner",
                    "namespace",
                    "raise_exception",
                    "strftime_now");

    private final String name;

    PyCallable(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "<function " + name + ">";
    }
}
