package dev.steward.bot.cli;

import dev.steward.bot.backup.Restore;
import dev.steward.bot.config.StewardConfig;
import dev.steward.homeserver.inbox.H2Files;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code steward restore FILE -c CONFIG}: unpacks a backup into the config's data folder, which must hold no database
 * yet, then says what the restored database holds so the operator can compare it with the old machine.
 */
final class RestoreCommand {
    /** What a person recognises in the counts, by table. */
    private static final Map<String, String> COUNTED = countedTables();

    private final PrintStream out;

    RestoreCommand(PrintStream out) {
        this.out = out;
    }

    int run(StewardConfig config, Path backup) {
        if (!Files.isReadable(backup)) {
            throw new Restore.RestoreException("cannot read the backup " + backup);
        }
        Restore.Result result = new Restore(config.dataDir(), config.databaseFile(),
                config.appservice().registrationFile()).from(backup);
        out.println("Restored " + result.restored().size() + " files from " + backup + " into " + config.dataDir()
                + ".");
        result.kept().forEach(file -> out.println("  kept as it was: " + file));
        counts(config).forEach((what, count) -> out.println("  " + what + ": " + count));
        out.println("Start Steward on it ('steward run -c <config>'): migrations run at start, and the memory index is"
                + " brought in line with the database.");
        return Cli.OK;
    }

    private static Map<String, Long> counts(StewardConfig config) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(
                H2Files.url(config.databaseFile()) + ";IFEXISTS=TRUE", "steward", "");
                Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> table : COUNTED.entrySet()) {
                try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table.getKey())) {
                    rows.next();
                    counts.put(table.getValue(), rows.getLong(1));
                } catch (SQLException e) {
                    // A table this backup's version did not have yet: nothing to count.
                }
            }
        } catch (SQLException e) {
            throw new Restore.RestoreException("the restored database does not open: " + e.getMessage());
        }
        return counts;
    }

    private static Map<String, String> countedTables() {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("memories", "memories");
        tables.put("policy_override", "policy overrides");
        tables.put("audit_log", "audit entries");
        tables.put("ai_interaction", "model calls in the ledger");
        tables.put("inbox_event", "events in the inbox");
        return tables;
    }
}
