package io.rewardlens.scoring;

import java.util.List;

/**
 * The one step from a conversation to the text the model reads: the bundle's chat template,
 * rendered without a generation prompt (the conversation already ends with the scored answer).
 */
final class ConversationRenderer {
    private final String modelName;
    private final String unavailableReason;

    private ConversationRenderer(String modelName, String unavailableReason) {
        this.modelName = modelName;
        this.unavailableReason = unavailableReason;
    }

    /** The renderer for a bundle's chat template. */
    static ConversationRenderer forBundle(ModelBundle bundle) {
        return new ConversationRenderer(
                bundle.name(),
                "this build has no chat template renderer yet; score already rendered text");
    }

    /** Whether conversations can be rendered at all. */
    boolean available() {
        return unavailableReason == null;
    }

    /** The SHA-256 of the template, or null when there is none. */
    String templateSha256() {
        return null;
    }

    String render(List<ChatTurn> turns) throws TemplateRenderingException {
        throw new TemplateRenderingException(
                "model "
                        + modelName
                        + ": cannot render "
                        + turns.size()
                        + " turns: "
                        + unavailableReason,
                null);
    }
}
