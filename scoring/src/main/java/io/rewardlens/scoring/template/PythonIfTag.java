package io.rewardlens.scoring.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.IfTag;
import com.hubspot.jinjava.tree.TagNode;

/**
 * jinja2's {@code if}/{@code elif} with Python truthiness. Jinjava's tag treats the string {@code
 * "false"} as false, so a message whose text is "false" would drop out of a prompt.
 */
final class PythonIfTag extends IfTag {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean isPositiveIfElseNode(TagNode tagNode, JinjavaInterpreter interpreter) {
        return PythonValues.truthy(
                interpreter.resolveELExpression(
                        tagNode.getHelpers(), tagNode.getLineNumber(), tagNode.getStartPosition()));
    }
}
