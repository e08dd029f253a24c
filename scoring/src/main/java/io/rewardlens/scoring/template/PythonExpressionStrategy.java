package io.rewardlens.scoring.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.expression.ExpressionStrategy;
import com.hubspot.jinjava.tree.output.RenderedOutputNode;
import com.hubspot.jinjava.tree.parse.ExpressionToken;

/**
 * Prints {@code {{ value }}} as jinja2 does: with Python's {@code str} ({@code True}, {@code [1,
 * 'a']}, {@code {'k': 'v'}}), no HTML escaping and no second pass over the result, so message text
 * containing {@code {{ }}} is printed, never executed.
 */
final class PythonExpressionStrategy implements ExpressionStrategy {
    private static final long serialVersionUID = 1L;

    @Override
    public RenderedOutputNode interpretOutput(
            ExpressionToken master, JinjavaInterpreter interpreter) {
        Object value = interpreter.resolveELExpression(master.getExpr(), master.getLineNumber());
        return new RenderedOutputNode(RenderSession.current().limitString(PythonValues.str(value)));
    }
}
