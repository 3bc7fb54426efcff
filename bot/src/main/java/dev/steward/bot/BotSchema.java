package dev.steward.bot;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings the bot's own tables (the ledger, direct rooms, room settings) up to date, with its own history table. */
public final class BotSchema {
    private BotSchema() {}

    public static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/bot").table("flyway_bot")
                .baselineOnMigrate(true).baselineVersion("0").load().migrate();
    }
}
