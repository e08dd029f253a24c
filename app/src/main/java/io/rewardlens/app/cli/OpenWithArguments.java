package io.rewardlens.app.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a desktop's "Open with RewardLens" passes: one database file, as a path or a {@code file:}
 * URI. It opens that database in the workbench, as {@code gui --db FILE} does; any other command
 * line is left as it is.
 */
public final class OpenWithArguments {
    private static final String[] DATABASE_SUFFIXES = {".db", ".sqlite", ".sqlite3"};

    private OpenWithArguments() {}

    /**
     * Turns a lone database file argument into {@code gui --db FILE}.
     *
     * @param args the command line as given
     * @return the command line to run
     */
    public static String[] rewrite(String[] args) {
        if (args.length != 1) {
            return args;
        }
        String arg = args[0];
        if (arg.startsWith("file:")) {
            try {
                return gui(Path.of(URI.create(arg)));
            } catch (IllegalArgumentException e) {
                // Not a local file URI: picocli refuses it as it refuses any unknown argument.
                return args;
            }
        }
        String name = arg.toLowerCase(Locale.ROOT);
        if (arg.startsWith("-") || arg.isBlank() || arg.contains("://")) {
            return args;
        }
        for (String suffix : DATABASE_SUFFIXES) {
            if (name.endsWith(suffix)) {
                return gui(Path.of(arg));
            }
        }
        return args;
    }

    private static String[] gui(Path database) {
        return new String[] {"gui", "--db", database.toString()};
    }
}
