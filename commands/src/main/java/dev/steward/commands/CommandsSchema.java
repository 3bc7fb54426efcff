package dev.steward.commands;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings the commands module's tables (prompts, reactions, the schedule) up to date, with its own history table. */
public final class CommandsSchema {
    private CommandsSchema() {}

    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/commands")
                .table("flyway_commands")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
