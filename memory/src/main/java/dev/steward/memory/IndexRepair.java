package dev.steward.memory;

import dev.steward.homeserver.jdbc.Jdbc;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the index in line with the database at start. The database is committed first on every change and the
 * index only now and then, so after a crash the index may lack memories (indexed again here, by words at once), lack
 * vectors (their rows are marked to embed again), or still hold memories that were deleted (removed here, and purged
 * from its files like any other deletion).
 */
final class IndexRepair {
    private static final Logger log = LoggerFactory.getLogger(IndexRepair.class);
    private static final int LOAD_CHUNK = 1000;

    private final MemoryTable table;
    private final Jdbc database;
    private final MemoryIndex index;

    IndexRepair(MemoryTable table, Jdbc database, MemoryIndex index) {
        this.table = table;
        this.database = database;
        this.index = index;
    }

    void run() {
        Map<Long, Boolean> rows = table.embeddedFlags();
        Map<Long, Boolean> documents = index.contents();

        Set<Long> deleted = new HashSet<>(documents.keySet());
        deleted.removeAll(rows.keySet());
        List<Long> missing = new ArrayList<>();
        List<Long> vectorLost = new ArrayList<>();
        List<Long> vectorFound = new ArrayList<>();
        rows.forEach((id, embedded) -> {
            Boolean hasVector = documents.get(id);
            if (hasVector == null) {
                missing.add(id);
            }
            boolean indexed = Boolean.TRUE.equals(hasVector);
            if (embedded && !indexed) {
                vectorLost.add(id);
            } else if (!embedded && indexed) {
                vectorFound.add(id);
            }
        });

        for (int from = 0; from < missing.size(); from += LOAD_CHUNK) {
            table.load(missing.subList(from, Math.min(missing.size(), from + LOAD_CHUNK)), false)
                    .forEach(memory -> index.put(memory, null));
        }
        if (!deleted.isEmpty()) {
            index.delete(deleted);
            index.purge();
        } else if (!missing.isEmpty()) {
            index.commit();
        }
        database.inTransaction("repairing embedded flags", connection -> {
            MemoryTable.setEmbedded(connection, vectorLost, false);
            MemoryTable.setEmbedded(connection, vectorFound, true);
            return null;
        });
        if (!missing.isEmpty() || !deleted.isEmpty() || !vectorLost.isEmpty()) {
            log.info("memory index repaired: {} memories indexed again, {} to embed again, {} deleted ones removed",
                    missing.size(), vectorLost.size(), deleted.size());
        }
    }
}
