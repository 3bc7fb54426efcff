package dev.steward.bot.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A command's arguments: {@code -c FILE} (or {@code --config FILE}) and the plain ones, in any order. */
record Args(Path config, List<String> plain) {

    static Args parse(String[] args) {
        Path config = null;
        List<String> plain = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-c") || args[i].equals("--config")) {
                if (i + 1 >= args.length) {
                    throw new Cli.UsageException(args[i] + " needs a file");
                }
                config = Path.of(args[++i]);
            } else if (args[i].startsWith("-")) {
                throw new Cli.UsageException("unknown option '" + args[i] + "'");
            } else {
                plain.add(args[i]);
            }
        }
        if (config == null) {
            throw new Cli.UsageException("a configuration file is needed: -c FILE");
        }
        return new Args(config, List.copyOf(plain));
    }

    /** The one plain argument a command takes, named for the error when it is missing. */
    Path file(String what) {
        if (plain.size() != 1) {
            throw new Cli.UsageException("this command takes one " + what + " and -c FILE, got: "
                    + (plain.isEmpty() ? "no " + what : String.join(" ", plain)));
        }
        return Path.of(plain.get(0));
    }
}
