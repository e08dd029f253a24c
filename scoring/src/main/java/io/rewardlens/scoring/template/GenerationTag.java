package io.rewardlens.scoring.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;

/**
 * Hugging Face's {@code {% generation %}...{% endgeneration %}} block, which marks assistant text
 * for training masks. When only the text is wanted, as here, it renders its body unchanged.
 */
final class GenerationTag implements Tag {
    private static final long serialVersionUID = 1L;

    @Override
    public String getName() {
        return "generation";
    }

    @Override
    public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
        StringBuilder out = new StringBuilder();
        RenderSession session = RenderSession.current();
        for (Node child : tagNode.getChildren()) {
            out.append(child.render(interpreter).getValue());
            session.checkLength(out.length());
        }
        return out.toString();
    }
}
