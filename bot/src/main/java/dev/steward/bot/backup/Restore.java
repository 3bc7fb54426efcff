package dev.steward.bot.backup;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks a backup ({@link BackupArchive}) into a data folder that holds no database yet: a restore never overwrites
 * a Steward's data. A registration that was kept outside the data folder goes back to the configured file, unless
 * one is there already.
 */
public final class Restore {
    private final Path dataDir;
    private final Path databaseFile;
    private final Path registrationFile;

    public Restore(Path dataDir, Path databaseFile, Path registrationFile) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.databaseFile = databaseFile.toAbsolutePath().normalize();
        this.registrationFile = registrationFile.toAbsolutePath().normalize();
    }

    /** What a restore wrote, and the files it left as they were because the data folder had them already. */
    public record Result(List<String> restored, List<String> kept) {}

    /**
     * Restores {@code backup}. Files the folder has already (a config, a registration written for this machine) are
     * kept, not overwritten; the database must not be there. Fails, naming why, before writing anything.
     */
    public Result from(Path backup) {
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            JsonObject manifest = manifest(zip, backup);
            if (manifest.getInteger("format", 0) > BackupArchive.FORMAT) {
                throw new RestoreException(backup + " was written by a newer Steward ("
                        + manifest.getString("steward_version") + "): restore it with that version or a later one");
            }
            Path database = databaseFile.resolveSibling(databaseFile.getFileName() + ".mv.db");
            if (Files.exists(database)) {
                throw new RestoreException(dataDir + " already holds a database (" + database.getFileName()
                        + "): restore into a new, empty data folder, or move that one away first");
            }
            List<ZipEntry> entries = Collections.list(zip.entries()).stream()
                    .filter(entry -> !entry.isDirectory() && !entry.getName().equals(BackupArchive.MANIFEST))
                    .map(ZipEntry.class::cast).toList();
            List<Path> targets = entries.stream().map(entry -> target(entry.getName())).toList();
            List<String> restored = new ArrayList<>();
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                Path target = targets.get(i);
                if (Files.exists(target)) {
                    kept.add(target.toString());
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entries.get(i))) {
                    Files.copy(in, target);
                }
                restored.add(entries.get(i).getName());
            }
            return new Result(restored, kept);
        } catch (java.util.zip.ZipException e) {
            throw new RestoreException(backup + " is not a Steward backup (not a zip file: " + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("restoring " + backup + " into " + dataDir + " failed", e);
        }
    }

    private static JsonObject manifest(ZipFile zip, Path backup) throws IOException {
        ZipEntry entry = zip.getEntry(BackupArchive.MANIFEST);
        if (entry == null) {
            throw new RestoreException(backup + " is not a Steward backup (it has no " + BackupArchive.MANIFEST + ")");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Where an entry goes. */
    private Path target(String name) {
        if (name.equals(BackupArchive.OUTSIDE_REGISTRATION)) {
            return registrationFile;
        }
        Path target = dataDir.resolve(name).normalize();
        // An entry may not climb out of the data folder ("../../etc/passwd").
        if (!target.startsWith(dataDir) || target.equals(dataDir)) {
            throw new RestoreException("the backup holds an entry outside the data folder: " + name);
        }
        if (Files.exists(target) && (name.startsWith(BackupArchive.INDEX + "/")
                || name.startsWith(databaseFile.getFileName() + "."))) {
            throw new RestoreException(target + " exists already: restore into a new, empty data folder");
        }
        return target;
    }

    /** A backup that cannot be restored here, with what to do instead. */
    public static final class RestoreException extends RuntimeException {
        public RestoreException(String message) {
            super(message);
        }
    }
}
