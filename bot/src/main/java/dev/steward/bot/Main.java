package dev.steward.bot;

import dev.steward.bot.cli.Cli;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** {@code steward <command>}: see {@link Cli}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // Lucene logs through java.util.logging: to the same console, in the same format, at logback's levels.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        int status = new Cli(System.out, System.err).run(args);
        if (status != Cli.KEEP_RUNNING) {
            System.exit(status);
        }
    }
}
