package dev.steward.bot.backup;

import java.time.Instant;
import java.util.List;

/** What a backup holds: when it was taken, and its entries (paths inside the data folder). */
public record BackupSummary(Instant created, List<String> entries) {
    public BackupSummary {
        entries = List.copyOf(entries);
    }
}
