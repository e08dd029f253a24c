package io.rewardlens.scoring.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;

/**
 * The {@code is none} test, true for {@link PyNone}. It is also true for an undefined value, which
 * jinja2 would call not none: undefined and null are one thing to Jinjava, and treating both as
 * none keeps {@code x is not none} guards safe.
 */
final class NoneTest implements ExpTest {
    @Override
    public String getName() {
        return "none";
    }

    @Override
    public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
        return var == null || var == PyNone.INSTANCE;
    }
}
