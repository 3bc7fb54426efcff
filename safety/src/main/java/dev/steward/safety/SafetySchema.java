package dev.steward.safety;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings the safety module's tables up to date; its own history table, so modules migrate independently. */
public final class SafetySchema {
    private SafetySchema() {}

    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/safety")
                .table("flyway_safety")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
