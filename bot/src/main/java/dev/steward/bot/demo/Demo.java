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
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code steward demo}: a local Synapse, Steward beside it with the model it found, and a small family (a parent, a
 * child, a space with a Kitchen and a Parents room) that Steward has joined. Everything lives in one data folder;
 * Ctrl-C stops Steward and Synapse.
 */
public final class Demo {
    private static final String SYNAPSE_NAME = "demo";

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    public Demo(PrintStream out, PrintStream err) {
        this(out, err, System.getenv());
    }

    /** With the environment the demo looks for model keys and a model URL in (tests give their own). */
    public Demo(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    /** Starts the demo and leaves it running until the JVM stops; returns the exit status or KEEP_RUNNING. */
    public int start(DemoOptions options) {
        try {
            Files.createDirectories(options.dataDir());
            if (options.reset()) {
                reset(options.dataDir());
            }
            DemoLogging.toFile(options.dataDir().resolve("steward.log"));
            RunningDemo demo = run(options);
            Runtime.getRuntime().addShutdownHook(new Thread(demo::close, "steward-demo-shutdown"));
            return Cli.KEEP_RUNNING;
        } catch (IOException | RuntimeException e) {
            err.println("steward demo: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** Starts Synapse, Steward and the family, and prints the banner; the caller closes the result. */
    public RunningDemo run(DemoOptions options) throws IOException, InterruptedException {
        if (environment.get("STEWARD_SYNAPSE_URL") != null) {
            throw new IllegalStateException("the demo starts its own Synapse: unset STEWARD_SYNAPSE_URL, or follow"
                    + " docs/getting-started.md to run Steward beside an existing homeserver");
        }
        Files.createDirectories(options.dataDir());
        forgetTheLastRun(options.dataDir());
        Optional<DemoModel> model;
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            model = new DemoModels(environment, http).find(options);
        }
        out.println("Model: " + DemoStrings.modelLine(model));
        StewardConfig config = new ConfigLoader(environment).read(DemoConfig.write(options, model));
        Registration registration = AppserviceTokens.writeRegistration(config);
        out.println("Starting Synapse (the first run prepares it, a minute or two; progress follows)...");
        out.flush();
        LocalSynapse synapse = LocalSynapse.start(LocalSynapse.findScript(), SYNAPSE_NAME, options.synapsePort(),
                ServerName.of(DemoConfig.SERVER), List.of(config.appservice().registrationFile()));
        out.println("Starting Steward...");
        RunningSteward steward;
        try {
            steward = await(Steward.start(config));
        } catch (RuntimeException e) {
            synapse.stop();
            throw e;
        }
        out.println("Seeding the family: a parent, a child, a space with a Kitchen and a Parents room...");
        try {
            DemoSpace space = await(new DemoSeeder(steward.vertx(), synapse, registration, config.botUserId(),
                    DemoStrings.welcome(model)).seed());
            out.print(DemoStrings.ready(synapse.url(), space, options.dataDir(), model));
            out.flush();
            return new RunningDemo(steward, synapse, space, registration.id(), out);
        } catch (RuntimeException e) {
            new RunningDemo(steward, synapse, null, registration.id(), out).close();
            throw e;
        }
    }

    /**
     * Every run starts a new Synapse, which numbers its transactions from 1 again and knows none of the last run's
     * rooms: Steward's database of that run would take the new transactions for ones it has seen. So the demo's
     * Steward starts with a new database too; the config and the registration's tokens stay.
     */
    private static void forgetTheLastRun(Path dataDir) throws IOException {
        if (!DemoConfig.madeByTheDemo(dataDir)) {
            return;
        }
        try (var files = Files.list(dataDir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith("steward.") && name.endsWith(".db")) {
                    Files.delete(file);
                }
            }
        }
        deleteTree(dataDir.resolve("memory-index"));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** --reset: the demo's own folder is emptied, so that the next start is a first one. */
    void reset(Path dataDir) throws IOException {
        if (isEmpty(dataDir)) {
            return;
        }
        if (!DemoConfig.madeByTheDemo(dataDir)) {
            throw new IllegalStateException(dataDir + " was not made by the demo (its config.yaml is not the demo's):"
                    + " it is left alone; give the demo another --data folder");
        }
        try (var entries = Files.list(dataDir)) {
            for (Path entry : entries.toList()) {
                deleteTree(entry);
            }
        }
        out.println("Starting over: emptied " + dataDir + ".");
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
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
