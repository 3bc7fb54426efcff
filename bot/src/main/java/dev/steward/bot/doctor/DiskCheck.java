package dev.steward.bot.doctor;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/** The data folder's disk: writable, and with room for the database, the index and backups. */
final class DiskCheck {
    static final long LOW_BYTES = 2L << 30;
    static final long TOO_LOW_BYTES = 256L << 20;

    private DiskCheck() {}

    static Finding run(Path dataDir) {
        Path existing = dataDir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return Finding.fail("disk", "no part of " + dataDir + " exists", "check data_dir");
        }
        try {
            FileStore store = Files.getFileStore(existing);
            long free = store.getUsableSpace();
            String seen = "data folder " + dataDir + ": " + gigabytes(free) + " free";
            if (!Files.isWritable(existing)) {
                return Finding.fail("disk", seen + ", but " + existing + " is not writable by this user",
                        "run as the user Steward runs as, or give it " + dataDir);
            }
            if (free < TOO_LOW_BYTES) {
                return Finding.fail("disk", seen, "free space: the database stops taking writes when the disk is full");
            }
            if (free < LOW_BYTES) {
                return Finding.warn("disk", seen, "free some space soon; a backup needs about the database's size");
            }
            return Finding.ok("disk", seen);
        } catch (IOException e) {
            return Finding.fail("disk", "cannot read the file system of " + existing + ": " + e.getMessage(),
                    "check data_dir");
        }
    }

    private static String gigabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f GB", bytes / 1e9);
    }
}
