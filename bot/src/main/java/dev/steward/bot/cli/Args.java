package dev.steward.bot.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's arguments: {@code -c FILE} (or {@code --config FILE}), the options it knows with their values
 * ({@code --wait 60}), and the plain ones, in any order.
 */
record Args(Path config, Map<String, String> options, List<String> plain) {

    static Args parse(String[] args) {
        return parse(args, Set.of());
    }

    static Args parse(String[] args, Set<String> known) {
        Path config = null;
        Map<String, String> options = new HashMap<>();
        List<String> plain = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            boolean isConfig = args[i].equals("-c") || args[i].equals("--config");
            if (isConfig || known.contains(args[i])) {
                if (i + 1 >= args.length) {
                    throw new Cli.UsageException(args[i] + " needs a value");
                }
                if (isConfig) {
                    config = Path.of(args[++i]);
                } else {
                    options.put(args[i], args[++i]);
                }
            } else if (args[i].startsWith("-")) {
                throw new Cli.UsageException("unknown option '" + args[i] + "'");
            } else {
                plain.add(args[i]);
            }
        }
        if (config == null) {
            throw new Cli.UsageException("a configuration file is needed: -c FILE");
        }
        return new Args(config, Map.copyOf(options), List.copyOf(plain));
    }

    /** The one plain argument a command takes, named for the error when it is missing. */
    Path file(String what) {
        if (plain.size() != 1) {
            throw new Cli.UsageException("this command takes one " + what + " and -c FILE, got: "
                    + (plain.isEmpty() ? "no " + what : String.join(" ", plain)));
        }
        return Path.of(plain.get(0));
    }

    /** A whole number of seconds given with {@code option}, or {@code fallback}. */
    int seconds(String option, int fallback) {
        String value = options.get(option);
        if (value == null) {
            return fallback;
        }
        try {
            int seconds = Integer.parseInt(value);
            if (seconds < 0 || seconds > 86_400) {
                throw new NumberFormatException();
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw new Cli.UsageException(option + " needs a number of seconds from 0 to 86400, got '" + value + "'");
        }
    }
}
