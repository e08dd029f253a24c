package io.rewardlens.storage.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MarkdownFeaturesTest {
    @Test
    void countsHeadersListItemsBoldSpansAndEmoji() {
        String text =
                String.join(
                        "\n",
                        "# Title",
                        "   ### Deep title",
                        "    # indented four spaces is code, not a header",
                        "#hashtag is not a header",
                        "- one",
                        "  * nested two",
                        "+ three",
                        "1. four",
                        "12) five",
                        "-not a list item",
                        "---",
                        "**bold** and __also bold__ and ** not bold ** and **x**",
                        "Great job \uD83D\uDE00\uD83D\uDC4D\uD83C\uDFFD \u2705 \u2014 done");
        // Emoji: grinning face, thumbs up (its skin tone modifier does not count), check mark;
        // the em dash is no emoji.
        assertEquals(new MarkdownFeatures(2, 5, 3, 3), MarkdownFeatures.of(text));
    }

    @Test
    void densityIsFeaturesPerThousandCharacters() {
        MarkdownFeatures features = new MarkdownFeatures(1, 2, 3, 4);
        assertEquals(10, features.total());
        assertEquals(20.0, features.density(500));
        assertEquals(0.0, features.density(0));
        assertEquals(
                new MarkdownFeatures(2, 2, 3, 4), features.plus(new MarkdownFeatures(1, 0, 0, 0)));
    }
}
