package io.rewardlens.scoring.template;

import com.hubspot.jinjava.util.HasObjectTruthValue;

/**
 * Python's {@code None}, kept apart from an undefined value (Java null): jinja2 prints {@code None}
 * for it but nothing for an undefined variable, and {@code none is defined} is true. It is what the
 * {@code none} literal, {@code dict.get} of a missing key, JSON nulls in template variables and
 * transformers' {@code tools=None} evaluate to.
 */
enum PyNone implements HasObjectTruthValue {
    INSTANCE;

    /** The variable that the translator makes every {@code none} literal read. */
    static final String VARIABLE = "__py_none__";

    @Override
    public boolean getObjectTruthValue() {
        return false;
    }

    @Override
    public String toString() {
        return "None";
    }
}
