package io.rewardlens.app.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Published RewardBench (v1) scores of known reward models, from their model cards, kept in the
 * small resource table {@code rewardbench-published.csv}; the report shows a model's row next to
 * its measured scores when the bundle's name is the published model's name.
 *
 * @param model the model's name as published (without its organisation)
 * @param overall the overall score, in percent
 * @param sections Chat, Chat Hard, Safety and Reasoning, in percent
 * @param source where the numbers are published
 */
record PublishedRewardBench(String model, double overall, List<Double> sections, String source) {
    private static final String RESOURCE = "rewardbench-published.csv";

    PublishedRewardBench {
        sections = List.copyOf(sections);
    }

    /** Every published row of the table. */
    static List<PublishedRewardBench> all() {
        List<PublishedRewardBench> rows = new ArrayList<>();
        try (InputStream in = PublishedRewardBench.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", 7);
                rows.add(
                        new PublishedRewardBench(
                                cells[0],
                                Double.parseDouble(cells[1]),
                                List.of(
                                        Double.parseDouble(cells[2]),
                                        Double.parseDouble(cells[3]),
                                        Double.parseDouble(cells[4]),
                                        Double.parseDouble(cells[5])),
                                cells[6]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return rows;
    }

    /**
     * The published row of a model bundle's name: the name itself or its last path part ({@code
     * Skywork/Skywork-Reward-Llama-3.1-8B-v0.2}), ignoring case.
     */
    static Optional<PublishedRewardBench> forModel(String bundleName) {
        if (bundleName == null) {
            return Optional.empty();
        }
        String name = bundleName.strip();
        String last = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return all().stream()
                .filter(row -> row.model().toLowerCase(Locale.ROOT).equals(last))
                .findFirst();
    }
}
