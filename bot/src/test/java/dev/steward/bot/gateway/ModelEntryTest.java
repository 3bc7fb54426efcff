package dev.steward.bot.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelEntryTest {
    @Test
    void aLoggedEntryNamesTheModelButNotTheKey() {
        ModelEntry entry = Models.entry("cloud", ModelEntry.Provider.OPENAI, "gpt-4o", null, "sk-secret");

        assertThat(entry).hasToString("ModelEntry[cloud: gpt-4o at openai (default), with a key]");
    }
}
