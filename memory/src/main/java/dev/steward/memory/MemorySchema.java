package dev.steward.memory;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings the memory module's tables up to date; its own history table, so modules migrate independently. */
public final class MemorySchema {
    private MemorySchema() {}

    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/memory")
                .table("flyway_memory")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
