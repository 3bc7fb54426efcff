package dev.steward.bot.cli;

import dev.steward.bot.AppserviceTokens;
import dev.steward.bot.backup.BackupArchive;
import dev.steward.bot.backup.BackupEndpoint;
import dev.steward.bot.backup.BackupSummary;
import dev.steward.bot.config.StewardConfig;
import dev.steward.bot.doctor.LocalSteward;
import dev.steward.homeserver.inbox.H2Files;
import dev.steward.memory.MemoryIndex;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.h2.jdbcx.JdbcDataSource;

/**
 * {@code steward backup FILE -c CONFIG}: asks the running Steward for a backup of its data folder (it answers while
 * it goes on serving), or, when none answers on the configured port, writes it from the stopped data folder.
 */
final class BackupCommand {
    private final PrintStream out;

    BackupCommand(PrintStream out) {
        this.out = out;
    }

    int run(StewardConfig config, Path target) {
        AppserviceTokens tokens = AppserviceTokens.resolve(config);
        Path absolute = target.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
            if (fromRunningSteward(config, tokens, absolute)) {
                return Cli.OK;
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("writing " + absolute + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Cli.FAILED;
        }
        out.println("No Steward answers at " + LocalSteward.url(config) + ": backing up the stopped data folder "
                + config.dataDir());
        BackupSummary summary = offline(config, absolute);
        out.println("Backed up " + summary.entries().size() + " files to " + absolute + ".");
        return Cli.OK;
    }

    private boolean fromRunningSteward(StewardConfig config, AppserviceTokens tokens, Path target)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(LocalSteward.url(config) + BackupEndpoint.PATH))
                .header("Authorization", "Bearer " + tokens.hsToken())
                .timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        HttpResponse<Path> response;
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            response = http.send(request, HttpResponse.BodyHandlers.ofFile(partial));
        } catch (ConnectException e) {
            return false;
        }
        if (response.statusCode() != 200) {
            String body = Files.readString(partial);
            Files.deleteIfExists(partial);
            throw new BackupFailed(switch (response.statusCode()) {
                case 403 -> "the running Steward refused the backup: its hs_token is not this configuration's";
                case 404 -> "the Steward at " + LocalSteward.url(config) + " is older and cannot write backups while"
                        + " it runs: stop it and run 'steward backup' again";
                default -> "the running Steward could not write the backup (" + response.statusCode() + "): " + body;
            });
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        out.println("Backed up the running Steward to " + target + " ("
                + response.headers().firstValue("X-Steward-Backup").orElse("") + ").");
        return true;
    }

    private static BackupSummary offline(StewardConfig config, Path target) {
        JdbcDataSource database = new JdbcDataSource();
        // IFEXISTS: a mistyped data_dir is named, not answered with a new empty database.
        database.setURL(H2Files.url(config.databaseFile()) + ";IFEXISTS=TRUE");
        database.setUser("steward");
        database.setPassword("");
        BackupArchive archive = new BackupArchive(config.dataDir(), config.databaseFile(),
                config.appservice().registrationFile());
        try {
            return archive.write(database, into -> MemoryIndex.copyLastCommit(config.memoryIndexDir(), into), target);
        } catch (IllegalStateException e) {
            throw new BackupFailed(e.getMessage().contains("already in use")
                    ? "the database is in use, but no Steward answers at " + LocalSteward.url(config)
                            + ": is another one running with a different port?"
                    : e.getMessage());
        }
    }

    /** A backup that could not be written, with the reason in the user's terms. */
    static final class BackupFailed extends RuntimeException {
        BackupFailed(String message) {
            super(message);
        }
    }
}
