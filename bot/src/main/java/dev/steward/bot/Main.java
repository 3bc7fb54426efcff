package dev.steward.bot;

import dev.steward.bot.cli.Cli;

/** {@code steward <command>}: see {@link Cli}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int status = new Cli(System.out, System.err).run(args);
        if (status != Cli.KEEP_RUNNING) {
            System.exit(status);
        }
    }
}
