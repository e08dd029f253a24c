package io.rewardlens.scoring.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rewardlens.scoring.ChatTurn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Locates and reads the repository's reference fixtures ({@code fixtures/} at the root). */
final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {}

    /** The repository's {@code fixtures} folder, given by the build. */
    static Path root() {
        return io.rewardlens.scoring.Fixtures.sourceRoot();
    }

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code messages} of a golden case as chat turns. */
    static List<ChatTurn> turns(JsonNode messages) {
        List<ChatTurn> turns = new ArrayList<>();
        for (JsonNode m : messages) {
            turns.add(new ChatTurn(m.get("role").textValue(), m.get("content").textValue()));
        }
        return turns;
    }
}
