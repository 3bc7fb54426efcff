package dev.steward.bot.cli;

import dev.steward.bot.AppserviceTokens;
import dev.steward.bot.RunningSteward;
import dev.steward.bot.Steward;
import dev.steward.bot.Version;
import dev.steward.bot.backup.Restore;
import dev.steward.bot.config.ConfigException;
import dev.steward.bot.config.ConfigLoader;
import dev.steward.bot.config.StewardConfig;
import dev.steward.bot.demo.Demo;
import dev.steward.bot.doctor.Doctor;
import dev.steward.homeserver.registration.Registration;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The command line: {@code run}, {@code registration}, {@code check-config} and {@code demo}. */
public final class Cli {
    /** Returned by commands that leave Steward running in the background: the JVM must not exit. */
    public static final int KEEP_RUNNING = -1;
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String HELP = """
            Steward %s: a Matrix application service for private spaces.

            Usage: steward <command> [options]

            Commands:
              run -c FILE            run Steward with this configuration
              up -c FILE             the first start as containers do it: with no FILE, write one and stop;
                                     with no registration, write it and stop; then run
              registration -c FILE   write the appservice registration (tokens are generated once and kept)
                                     to appservice.registration_file and print it, for the homeserver
              check-config -c FILE   check a configuration and name every problem
              ready -c FILE [--wait SECONDS]
                                     exit 0 when the local Steward's /readyz says ready (waiting up to SECONDS)
              doctor -c FILE         check the homeserver URL, the tokens, the registration the homeserver loaded
                                     (appservice ping), every model's provider and the disk; say what to fix
              backup BACKUP -c FILE  write a backup of the data folder (database, memory index, registration and
                                     every other file there) to BACKUP, while Steward runs or not
              restore BACKUP -c FILE unpack a backup into the configured data folder, which must hold no database
              demo [--data DIR] [--synapse-port N] [--port N]
                                     start a local Synapse, Steward and a demo space, and print how to log in

            Options:
              -c, --config FILE      the configuration file (see config.example.yaml)
              -h, --help             this help
              --version              the version
            """;

    private final PrintStream out;
    private final PrintStream err;

    public Cli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String... args) {
        if (args.length == 0 || List.of("-h", "--help", "help").contains(args[0])) {
            out.print(HELP.formatted(Version.get()));
            return args.length == 0 ? USAGE : OK;
        }
        if ("--version".equals(args[0])) {
            out.println("Steward " + Version.get());
            return OK;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "run" -> run(configPath(rest));
                case "up" -> up(configPath(rest));
                case "registration" -> registration(configPath(rest));
                case "check-config" -> checkConfig(configPath(rest));
                case "ready" -> ready(Args.parse(rest, java.util.Set.of("--wait")));
                case "doctor" -> doctor(configPath(rest));
                case "backup" -> backup(Args.parse(rest));
                case "restore" -> restore(Args.parse(rest));
                case "demo" -> new Demo(out, err).start(DemoOptions.parse(rest));
                default -> usage("unknown command '" + args[0] + "'");
            };
        } catch (UsageException e) {
            return usage(e.getMessage());
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return FAILED;
        } catch (BackupCommand.BackupFailed | Restore.RestoreException e) {
            err.println("steward: " + e.getMessage());
            return FAILED;
        } catch (UncheckedIOException e) {
            err.println("steward: " + e.getMessage() + " (" + e.getCause().getMessage() + ")");
            return FAILED;
        }
    }

    private int usage(String problem) {
        err.println("steward: " + problem + "\nRun 'steward --help' for the commands.");
        return USAGE;
    }

    static Path configPath(String[] args) {
        if (args.length == 2 && (args[0].equals("-c") || args[0].equals("--config"))) {
            return Path.of(args[1]);
        }
        if (args.length == 0) {
            throw new UsageException("a configuration file is needed: -c FILE");
        }
        throw new UsageException("this command takes -c FILE, got: " + String.join(" ", args));
    }

    private int run(Path file) {
        StewardConfig config = ConfigLoader.load(file);
        RunningSteward running;
        try {
            running = Steward.start(config).toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof ConfigException problems) {
                throw problems;
            }
            err.println("steward: could not start: " + cause.getMessage());
            return FAILED;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(running), "steward-shutdown"));
        return KEEP_RUNNING;
    }

    static void stop(RunningSteward running) {
        try {
            running.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Shutting down anyway: the inbox is durable, so nothing acknowledged is lost.
        }
    }

    private int up(Path file) {
        FirstStart.Step step = new FirstStart(new ConfigLoader(System.getenv()), err).prepare(file);
        return step == FirstStart.Step.READY ? run(file) : OK;
    }

    private int ready(Args args) {
        try {
            return new ReadyCommand(out).run(ConfigLoader.load(args.config()), args.seconds("--wait", 0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        }
    }

    private int doctor(Path file) {
        try {
            return new Doctor(out).run(ConfigLoader.load(file)) ? OK : FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        } catch (ConfigException | UncheckedIOException e) {
            throw e;
        } catch (Exception e) {
            err.println("steward doctor: " + e);
            return FAILED;
        }
    }

    private int backup(Args args) {
        return new BackupCommand(out).run(ConfigLoader.load(args.config()), args.file("backup file"));
    }

    private int restore(Args args) {
        return new RestoreCommand(out).run(ConfigLoader.load(args.config()), args.file("backup file"));
    }

    private int registration(Path file) {
        StewardConfig config = ConfigLoader.load(file);
        Registration registration = AppserviceTokens.writeRegistration(config);
        out.print(registration.toYaml());
        err.println("Wrote " + config.appservice().registrationFile() + ". Give it to your homeserver (Synapse: add it"
                + " to app_service_config_files) and restart the homeserver.");
        return OK;
    }

    private int checkConfig(Path file) {
        StewardConfig config = ConfigLoader.load(file);
        out.println(file + " is valid.");
        out.println("  bot:         " + config.botUserId() + " (\"" + config.bot().displayName() + "\")");
        out.println("  homeserver:  " + config.homeserver().url());
        out.println("  listening:   " + config.appservice().bindAddress() + ":" + config.appservice().port()
                + ", reached by the homeserver at " + config.appservice().publicUrl());
        out.println("  data:        " + config.dataDir());
        boolean tokens = config.appservice().asToken().isPresent() && config.appservice().hsToken().isPresent();
        if (!tokens && !Files.isReadable(config.appservice().registrationFile())) {
            out.println("  note:        no tokens yet: run 'steward registration -c " + file + "' before 'run'.");
        }
        return OK;
    }

    /** A mistake on the command line: answered with the problem and a pointer to --help. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
