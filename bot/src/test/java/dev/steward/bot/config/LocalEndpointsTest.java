package dev.steward.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which addresses a model called local may have: those a family's own machines and network answer on. */
class LocalEndpointsTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "127.0.0.1, true", "127.8.9.10, true", "localhost, true", "[::1], true", "10.0.0.5, true",
            "172.16.0.1, true", "172.31.255.254, true", "192.168.1.20, true", "169.254.10.1, true",
            "100.64.0.7, true", "[fd12:3456::1], true", "[fe80::1], true",
            "ollama, true", "llm.local, true", "nas.lan, true", "gpu.internal, true", "box.home.arpa, true",
            "172.32.0.1, false", "100.128.0.1, false", "8.8.8.8, false", "203.0.113.9, false",
            "[2001:db8::1], false", "api.openai.com, false", "llm.example.com, false", "local.example.org, false"})
    void anAddressIsPrivateOnlyWhenItCannotBeReachedFromTheInternet(String host, boolean isPrivate) {
        assertThat(LocalEndpoints.isPrivate(host)).isEqualTo(isPrivate);
    }
}
