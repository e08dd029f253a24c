package io.rewardlens.scoring.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.SetTag;
import com.hubspot.jinjava.tree.TagNode;
import java.util.ArrayList;
import java.util.List;

/**
 * jinja2's {@code set} for plain names: {@code {% set x = 1, 2 %}} and {@code {% set x = (1, 2) %}}
 * assign a tuple, and {@code {% set a, b = pair %}} unpacks any iterable. Jinjava's tag turns an
 * assigned tuple into a list (it prints {@code [1, 2]}), keeps only the first of {@code 1, 2} and
 * refuses to unpack a tuple. Block sets and namespace attributes ({@code ns.x}) stay with Jinjava's
 * tag.
 */
final class PythonSetTag extends SetTag {
    private static final long serialVersionUID = 1L;

    @Override
    public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
        String helpers = tagNode.getHelpers();
        int equals = assignment(helpers);
        if (equals < 0) {
            return super.interpret(tagNode, interpreter);
        }
        List<String> targets = new ArrayList<>();
        for (String target :
                JinjaSourceTranslator.splitTopLevel(helpers.substring(0, equals), ',')) {
            if (!target.isBlank()) {
                targets.add(target.trim());
            }
        }
        if (targets.isEmpty()
                || !targets.stream()
                        .allMatch(
                                t ->
                                        t.chars()
                                                .allMatch(
                                                        c ->
                                                                ExpressionText.isIdentifierPart(
                                                                        (char) c)))) {
            return super.interpret(tagNode, interpreter);
        }
        // In parentheses, a top-level comma makes a tuple, as it does in jinja2.
        Object value =
                interpreter.resolveELExpression(
                        "(" + helpers.substring(equals + 1).trim() + ")",
                        tagNode.getLineNumber(),
                        tagNode.getStartPosition());
        if (targets.size() == 1) {
            interpreter.getContext().put(targets.get(0), value);
            return "";
        }
        List<Object> values = PythonForTag.iterate(value);
        if (values.size() != targets.size()) {
            throw RenderSession.error(
                    (values.size() < targets.size() ? "not enough" : "too many")
                            + " values to unpack (expected "
                            + targets.size()
                            + ", got "
                            + values.size()
                            + ")");
        }
        for (int i = 0; i < targets.size(); i++) {
            interpreter.getContext().put(targets.get(i), values.get(i));
        }
        return "";
    }

    /** The index of the assigning {@code =} outside strings and brackets, or -1 for a block set. */
    private static int assignment(String helpers) {
        for (int i = 0; i < helpers.length(); i++) {
            char c = helpers.charAt(i);
            if (c == '\'' || c == '"') {
                i = ExpressionText.skipString(helpers, i) - 1;
            } else if (c == '(' || c == '[' || c == '{') {
                i = ExpressionText.matchingBracket(helpers, i);
            } else if (c == '='
                    && (i + 1 >= helpers.length() || helpers.charAt(i + 1) != '=')
                    && (i == 0 || "=!<>".indexOf(helpers.charAt(i - 1)) < 0)) {
                return i;
            }
        }
        return -1;
    }
}
