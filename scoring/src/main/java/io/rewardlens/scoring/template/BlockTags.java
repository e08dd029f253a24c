package io.rewardlens.scoring.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.JinjavaInterpreter.InterpreterScopeClosable;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import java.util.List;

/**
 * jinja2's built-in block tags that Jinjava lacks: {@code with} (variables for a block only),
 * {@code filter} (a filter applied to a block's output) and Hugging Face's {@code generation}
 * (marks assistant text for training masks; when only the text is wanted it renders its body).
 */
final class BlockTags {
    private BlockTags() {}

    static List<Tag> all() {
        return List.of(new Generation(), new With(), new FilterBlock());
    }

    private static String renderChildren(TagNode tagNode, JinjavaInterpreter interpreter) {
        StringBuilder out = new StringBuilder();
        RenderSession session = RenderSession.current();
        for (Node child : tagNode.getChildren()) {
            out.append(child.render(interpreter).getValue());
            session.checkLength(out.length());
        }
        return out.toString();
    }

    /** {@code {% generation %}...{% endgeneration %}}. */
    private static final class Generation implements Tag {
        private static final long serialVersionUID = 1L;

        @Override
        public String getName() {
            return "generation";
        }

        @Override
        public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
            return renderChildren(tagNode, interpreter);
        }
    }

    /** {@code {% with a = 1, b = a + 1 %}...{% endwith %}}: the names vanish after the block. */
    private static final class With implements Tag {
        private static final long serialVersionUID = 1L;

        @Override
        public String getName() {
            return "with";
        }

        @Override
        public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
            InterpreterScopeClosable scope = interpreter.enterScope();
            try {
                String helpers = tagNode.getHelpers().trim();
                if (!helpers.isEmpty()) {
                    for (String assignment : JinjaSourceTranslator.splitTopLevel(helpers, ',')) {
                        int eq = assignment.indexOf('=');
                        String name = eq < 0 ? "" : assignment.substring(0, eq).trim();
                        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                            throw RenderSession.error(
                                    "Tag 'with' expects name = value pairs, got '"
                                            + assignment.trim()
                                            + "'");
                        }
                        interpreter
                                .getContext()
                                .put(
                                        name,
                                        interpreter.resolveELExpression(
                                                assignment.substring(eq + 1),
                                                tagNode.getLineNumber(),
                                                tagNode.getStartPosition()));
                    }
                }
                return renderChildren(tagNode, interpreter);
            } finally {
                scope.close();
            }
        }
    }

    /** {@code {% filter upper %}...{% endfilter %}}: the filter expression applies to the body. */
    private static final class FilterBlock implements Tag {
        private static final long serialVersionUID = 1L;
        private static final String BODY = "__filter_block_body__";

        @Override
        public String getName() {
            return "filter";
        }

        @Override
        public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
            String body = renderChildren(tagNode, interpreter);
            InterpreterScopeClosable scope = interpreter.enterScope();
            try {
                interpreter.getContext().put(BODY, body);
                Object result =
                        interpreter.resolveELExpression(
                                BODY + "|" + tagNode.getHelpers().trim(),
                                tagNode.getLineNumber(),
                                tagNode.getStartPosition());
                return RenderSession.current().limitString(PythonValues.str(result));
            } finally {
                scope.close();
            }
        }
    }
}
