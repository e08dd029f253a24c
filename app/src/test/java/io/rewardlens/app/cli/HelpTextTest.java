package io.rewardlens.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The help a new user reads first: whole sentences, unbroken names, counts in the right number. */
class HelpTextTest {
    /** The help text with its wrapping undone: each entry's lines joined by single spaces. */
    private static String unwrapped(String help) {
        return help.replaceAll("\\n {3,}", " ");
    }

    @Test
    void everyCommandSummaryInTheTopLevelHelpIsAWholeSentence() {
        Cli.Result help = Cli.run("--help");
        assertEquals(0, help.exit(), help.err());
        String commands = help.out().substring(help.out().indexOf("Commands:"));
        Matcher entry = Pattern.compile("(?m)^  (\\S+)\\s+(.+)$").matcher(unwrapped(commands));
        List<String> seen = new ArrayList<>();
        while (entry.find()) {
            String summary = entry.group(2).strip();
            seen.add(entry.group(1));
            assertTrue(
                    summary.endsWith("."),
                    entry.group(1) + "'s summary is cut mid-sentence: " + summary);
            assertTrue(Character.isUpperCase(summary.charAt(0)), entry.group(1) + ": " + summary);
        }
        Map<String, CommandLine> subcommands = RewardLensCommand.commandLine().getSubcommands();
        assertEquals(List.copyOf(subcommands.keySet()), seen);
    }

    @Test
    void everySubcommandSummaryIsAWholeSentenceToo() {
        for (CommandLine command : RewardLensCommand.commandLine().getSubcommands().values()) {
            for (CommandLine sub : command.getSubcommands().values()) {
                String[] description = sub.getCommandSpec().usageMessage().description();
                String first = description[0];
                assertTrue(
                        first.endsWith("."), sub.getCommandSpec().qualifiedName() + ": " + first);
            }
        }
    }

    @Test
    void exportFormatHelpKeepsTheFileEndingsWhole() {
        Cli.Result help = Cli.run("export", "--help");
        assertEquals(0, help.exit(), help.err());
        String text = unwrapped(help.out());
        assertTrue(text.contains("parquet when OUT ends in .parquet, else jsonl"), help.out());
        assertTrue(text.contains("(gzipped when OUT ends in .gz)"), help.out());
        assertFalse(help.out().matches("(?s).*\\.\\s*\\n\\s*(parquet|gz)\\b.*"), help.out());
    }

    @Test
    void countsArePluralisedByNumber() {
        assertEquals("1 pair", Plural.of(1, "pair"));
        assertEquals("0 pairs", Plural.of(0, "pair"));
        assertEquals("2 invalid records", Plural.of(2, "invalid record"));
    }
}
