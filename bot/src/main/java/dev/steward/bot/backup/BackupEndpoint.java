package dev.steward.bot.backup;

import dev.steward.bot.config.StewardConfig;
import dev.steward.homeserver.MatrixError;
import dev.steward.homeserver.appservice.HomeserverToken;
import dev.steward.memory.MemoryStore;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /_steward/backup}: the running Steward writes a backup of its data folder ({@link BackupArchive}) and
 * sends it as the answer, for {@code steward backup}. It carries the tokens and what people asked Steward to
 * remember, so it takes the {@code hs_token} like the appservice API; one backup at a time (409 otherwise).
 */
public final class BackupEndpoint {
    public static final String PATH = "/_steward/backup";
    private static final Logger log = LoggerFactory.getLogger(BackupEndpoint.class);

    private final Vertx vertx;
    private final BackupArchive archive;
    private final DataSource database;
    private final MemoryStore memory;
    private final Path dataDir;
    private final String hsToken;
    private final AtomicBoolean running = new AtomicBoolean();

    public BackupEndpoint(Vertx vertx, StewardConfig config, DataSource database, MemoryStore memory, String hsToken) {
        this.vertx = vertx;
        this.archive = new BackupArchive(config.dataDir(), config.databaseFile(), config.appservice().registrationFile());
        this.database = database;
        this.memory = memory;
        this.dataDir = config.dataDir();
        this.hsToken = hsToken;
    }

    public void mount(Router router) {
        router.post(PATH).handler(new HomeserverToken(hsToken)).handler(this::backup);
    }

    private void backup(RoutingContext ctx) {
        if (!running.compareAndSet(false, true)) {
            new MatrixError(409, "M_UNKNOWN", "A backup is already being written").write(ctx.response());
            return;
        }
        Path file = dataDir.resolve(".backup-" + UUID.randomUUID() + ".zip");
        long started = System.nanoTime();
        vertx.executeBlocking(() -> archive.write(database, memory::backupIndex, file), false).onComplete(done -> {
            if (done.failed()) {
                running.set(false);
                log.error("backup failed", done.cause());
                new MatrixError(500, "M_UNKNOWN", "The backup failed: " + done.cause().getMessage())
                        .write(ctx.response());
                return;
            }
            log.info("backup written ({} entries, {} ms); sending it", done.result().entries().size(),
                    (System.nanoTime() - started) / 1_000_000);
            ctx.response().putHeader("Content-Type", "application/zip")
                    .putHeader("X-Steward-Backup", new JsonObject().put("entries", done.result().entries().size())
                            .put("created", done.result().created().toString()).encode())
                    .sendFile(file.toString())
                    .onComplete(sent -> {
                        running.set(false);
                        vertx.executeBlocking(() -> Files.deleteIfExists(file), false);
                    });
        });
    }
}
