package io.rewardlens.scoring.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.rewardlens.scoring.ChatTurn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Prints how long rendering the golden conversations takes per template (run with -Pbench). */
@Tag("bench")
class ChatTemplateBenchmark {

    @Test
    void renderTimePerConversation() throws Exception {
        for (String model : List.of("tiny-llama3", "tiny-gemma2", "tiny-qwen3")) {
            Path bundle = Fixtures.root().resolve(model);
            ChatTemplate template = ChatTemplate.fromBundle(bundle);
            List<List<ChatTurn>> conversations = new ArrayList<>();
            for (Map.Entry<String, JsonNode> c :
                    Fixtures.json(bundle.resolve("golden.json")).get("cases").properties()) {
                if (!c.getValue().has("error")) {
                    conversations.add(Fixtures.turns(c.getValue().get("messages")));
                }
            }
            long chars = 0;
            for (int warmup = 0; warmup < 300; warmup++) {
                for (List<ChatTurn> turns : conversations) {
                    chars += template.render(turns, false).length();
                }
            }
            int rounds = 500;
            long start = System.nanoTime();
            for (int round = 0; round < rounds; round++) {
                for (List<ChatTurn> turns : conversations) {
                    chars += template.render(turns, false).length();
                }
            }
            double micros = (System.nanoTime() - start) / 1000.0 / (rounds * conversations.size());
            System.out.printf(
                    "chat template %-12s %7.1f us per conversation (%d conversations, %d chars)%n",
                    model, micros, conversations.size(), chars);
        }
    }
}
