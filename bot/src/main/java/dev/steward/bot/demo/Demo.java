package dev.steward.bot.demo;

import dev.steward.bot.AppserviceTokens;
import dev.steward.bot.RunningSteward;
import dev.steward.bot.Steward;
import dev.steward.bot.cli.Cli;
import dev.steward.bot.cli.DemoOptions;
import dev.steward.bot.config.ConfigLoader;
import dev.steward.bot.config.StewardConfig;
import dev.steward.homeserver.id.ServerName;
import dev.steward.homeserver.registration.Registration;
import dev.steward.homeserver.synapse.LocalSynapse;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code steward demo}: a local Synapse, Steward beside it, and a demo person with a space and a room that Steward
 * has joined. Everything lives in one data folder; Ctrl-C stops Steward and Synapse.
 */
public final class Demo {
    private static final ServerName SERVER = ServerName.of("localhost");
    private static final String SYNAPSE_NAME = "demo";

    private final PrintStream out;
    private final PrintStream err;

    public Demo(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Starts the demo and leaves it running until the JVM stops; returns the exit status or KEEP_RUNNING. */
    public int start(DemoOptions options) {
        try {
            RunningDemo demo = run(options);
            Runtime.getRuntime().addShutdownHook(new Thread(demo::close, "steward-demo-shutdown"));
            out.print(DemoStrings.ready(demo.synapse().url(), demo.space(), options.dataDir(), demo.appserviceId()));
            out.flush();
            return Cli.KEEP_RUNNING;
        } catch (IOException | RuntimeException e) {
            err.println("steward demo: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** Starts Synapse, Steward and the demo space; the caller closes the result. */
    public RunningDemo run(DemoOptions options) throws IOException, InterruptedException {
        if (System.getenv("STEWARD_SYNAPSE_URL") != null) {
            throw new IllegalStateException("the demo starts its own Synapse: unset STEWARD_SYNAPSE_URL, or follow"
                    + " docs/getting-started.md to run Steward beside an existing homeserver");
        }
        Files.createDirectories(options.dataDir());
        Path configFile = writeConfig(options);
        StewardConfig config = ConfigLoader.load(configFile);
        Registration registration = AppserviceTokens.writeRegistration(config);
        out.println("Starting Synapse (the first run prepares it, which takes a minute or two)...");
        LocalSynapse synapse = LocalSynapse.start(LocalSynapse.findScript(), SYNAPSE_NAME, options.synapsePort(),
                SERVER, List.of(config.appservice().registrationFile()));
        RunningSteward steward;
        try {
            steward = await(Steward.start(config));
        } catch (RuntimeException e) {
            synapse.stop();
            throw e;
        }
        RunningDemo demo = new RunningDemo(steward, synapse, null, registration.id(), err);
        try {
            DemoSpace space = await(new DemoSeeder(steward.vertx(), synapse, config.botUserId()).seed());
            return new RunningDemo(steward, synapse, space, registration.id(), err);
        } catch (RuntimeException e) {
            demo.close();
            throw e;
        }
    }

    private static Path writeConfig(DemoOptions options) throws IOException {
        Path file = options.dataDir().resolve("config.yaml");
        Files.writeString(file, """
                # Written by 'steward demo' for its local Synapse; edit freely, it is rewritten on the next demo.
                data_dir: .
                homeserver:
                  url: http://127.0.0.1:%d
                  server_name: %s
                appservice:
                  port: %d
                  url: http://127.0.0.1:%d
                invites:
                  allow: ["@*:%s"]
                """.formatted(options.synapsePort(), SERVER, options.stewardPort(), options.stewardPort(), SERVER));
        return file;
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException(cause.getMessage(), cause);
        }
    }
}
