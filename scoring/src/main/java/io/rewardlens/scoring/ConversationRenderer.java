package io.rewardlens.scoring;

import io.rewardlens.scoring.template.ChatTemplate;
import io.rewardlens.scoring.template.ChatTemplateException;
import java.io.IOException;

/**
 * The one step from a conversation to the text the model reads: the bundle's chat template,
 * rendered without a generation prompt (the conversation already ends with the scored answer), as
 * {@code apply_chat_template(messages, tokenize=False, tools=..., documents=...)} renders it: every
 * field of each message and the conversation's variables reach the template.
 */
final class ConversationRenderer {
    private final String modelName;
    private final ChatTemplate template;

    private ConversationRenderer(String modelName, ChatTemplate template) {
        this.modelName = modelName;
        this.template = template;
    }

    /** The renderer of a bundle's chat template; a bundle without a usable one is refused. */
    static ConversationRenderer forBundle(ModelBundle bundle) throws BundleException {
        try {
            return new ConversationRenderer(
                    bundle.name(), ChatTemplate.fromBundle(bundle.directory()));
        } catch (IOException e) {
            throw new BundleException("cannot read the chat template: " + e.getMessage(), e);
        }
    }

    /** The SHA-256 of the template source. */
    String templateSha256() {
        return template.templateSha256();
    }

    String render(Conversation conversation) throws TemplateRenderingException {
        try {
            return template.render(conversation, false);
        } catch (IllegalArgumentException e) {
            // A message or variable holds a value no template can see (e.g. a huge integer).
            throw new TemplateRenderingException(
                    "model "
                            + modelName
                            + ": the conversation cannot be given to the chat template: "
                            + e.getMessage(),
                    e);
        } catch (ChatTemplateException e) {
            throw new TemplateRenderingException(
                    "model "
                            + modelName
                            + ": the chat template refused the conversation: "
                            + e.getMessage(),
                    e);
        }
    }
}
