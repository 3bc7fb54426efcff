package dev.steward.bot.backup;

import dev.steward.bot.Version;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;

/**
 * Writes a backup of a data folder as one zip whose entries are paths inside the data folder, so a restore only
 * unpacks it: the H2 database as H2's own online {@code BACKUP TO} wrote it (a consistent copy while Steward
 * writes), the memory index from a held Lucene commit, and every other file under the data folder as it is (the
 * registration and its tokens, and whatever else features keep there). A registration file kept outside the data
 * folder goes in too, under {@link #OUTSIDE_REGISTRATION}.
 */
public final class BackupArchive {
    /** The archive's description: format, Steward's version, time, and where the registration was. */
    public static final String MANIFEST = "steward-backup.json";
    static final String OUTSIDE_REGISTRATION = ".registration.yaml";
    static final String INDEX = "memory-index";
    static final int FORMAT = 1;
    /**
     * Where a backup under way keeps its parts, inside the data folder so that they stay on its disk. Every name
     * starting with {@link #OWN_FILES} is a backup's own file and never goes into one.
     */
    static final String WORK = ".backup-work";
    static final String OWN_FILES = ".backup-";

    /** How the memory index is copied: from a held commit while Steward runs, from the last commit when not. */
    @FunctionalInterface
    public interface IndexCopy {
        void into(Path target);
    }

    private final Path dataDir;
    private final String databaseName;
    private final Path registrationFile;

    /**
     * @param databaseFile the H2 database file without {@code .mv.db}, as {@code StewardConfig.databaseFile()}
     */
    public BackupArchive(Path dataDir, Path databaseFile, Path registrationFile) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.databaseName = databaseFile.getFileName().toString();
        this.registrationFile = registrationFile.toAbsolutePath().normalize();
    }

    /** Writes the backup to {@code target} (replaced only once whole); returns what went in. */
    public BackupSummary write(DataSource database, IndexCopy index, Path target) {
        Path work = dataDir.resolve(WORK);
        try {
            deleteTree(work);
            Files.createDirectories(work);
            // The index first: what H2 gains meanwhile is indexed again from it when a restored Steward starts.
            index.into(work.resolve(INDEX));
            Path databaseZip = work.resolve("database.zip");
            backupDatabase(database, databaseZip);
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            BackupSummary summary;
            try (OutputStream file = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(file)) {
                List<String> entries = new ArrayList<>();
                copyZipEntries(databaseZip, zip, entries);
                addTree(zip, work.resolve(INDEX), INDEX, entries);
                addOtherFiles(zip, target, entries);
                boolean outside = !registrationFile.startsWith(dataDir) && Files.isReadable(registrationFile);
                if (outside) {
                    addFile(zip, registrationFile, OUTSIDE_REGISTRATION, entries);
                }
                summary = new BackupSummary(Instant.now(), entries);
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(manifest(summary, outside).encodePrettily().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException("writing the backup to " + target + " failed", e);
        } finally {
            deleteTree(work);
        }
    }

    private void backupDatabase(DataSource database, Path zip) {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            // H2 copies the database while it runs, as of one moment: writers go on meanwhile.
            statement.execute("BACKUP TO '" + zip.toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("H2 could not back up the database: " + e.getMessage(), e);
        }
    }

    private static void copyZipEntries(Path source, ZipOutputStream zip, List<String> entries) throws IOException {
        try (ZipFile database = new ZipFile(source.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(database.entries())) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = database.getInputStream(entry)) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
                entries.add(entry.getName());
            }
        }
    }

    /** Every file under the data folder that the database, the index and the backup's own files are not. */
    private void addOtherFiles(ZipOutputStream zip, Path target, List<String> entries) throws IOException {
        Path targetAbsolute = target.toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = dataDir.relativize(file).toString().replace('\\', '/');
                if (!skipped(name) && !file.startsWith(targetAbsolute)
                        && !file.toString().startsWith(targetAbsolute + ".part")) {
                    addFile(zip, file, name, entries);
                }
            }
        }
    }

    private boolean skipped(String name) {
        return name.startsWith(databaseName + ".") || name.equals(INDEX) || name.startsWith(INDEX + "/")
                || name.startsWith(OWN_FILES) || name.equals(MANIFEST);
    }

    private static void addTree(ZipOutputStream zip, Path dir, String prefix, List<String> entries) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                addFile(zip, file, prefix + "/" + file.getFileName(), entries);
            }
        }
    }

    private static void addFile(ZipOutputStream zip, Path file, String name, List<String> entries) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        Files.copy(file, zip);
        zip.closeEntry();
        entries.add(name);
    }

    private static JsonObject manifest(BackupSummary summary, boolean outsideRegistration) {
        return new JsonObject()
                .put("format", FORMAT)
                .put("steward_version", Version.get())
                .put("created", summary.created().toString())
                .put("registration_outside_data_dir", outsideRegistration)
                .put("entries", new JsonArray(summary.entries()));
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("removing " + dir + " failed", e);
        }
    }
}
