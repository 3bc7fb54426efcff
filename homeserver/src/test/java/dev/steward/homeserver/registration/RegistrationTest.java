package dev.steward.homeserver.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.steward.homeserver.id.ServerName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;
import org.yaml.snakeyaml.Yaml;

/** The registration file Synapse reads to know Steward. */
class RegistrationTest {
    private static final Registration STEWARD = Registration.of("steward", "http://127.0.0.1:9000", null, null,
            "steward", ServerName.of("localhost"));

    @Test
    void yamlRoundTripKeepsEveryField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("registration.yaml");
        Files.writeString(file, STEWARD.toYaml());

        assertThat(Registration.fromYaml(STEWARD.toYaml())).isEqualTo(STEWARD);
        assertThat(Registration.read(file)).isEqualTo(STEWARD);
    }

    @Test
    void yamlHasTheKeysSynapseReads() {
        String yaml = STEWARD.toYaml();
        // A plain YAML reader (Synapse uses PyYAML) sees the same values, including an escaped regex.
        Map<String, Object> read = new Yaml().load(yaml);

        assertThat(yaml).contains("rate_limited: false");
        assertThat(read).containsEntry("id", "steward")
                .containsEntry("url", "http://127.0.0.1:9000")
                .containsEntry("as_token", STEWARD.asToken())
                .containsEntry("hs_token", STEWARD.hsToken())
                .containsEntry("sender_localpart", "steward")
                .containsEntry("rate_limited", false)
                // Encrypted rooms: to-device messages, key counts and device lists, devices made by the appservice.
                .containsEntry("receive_ephemeral", true)
                .containsEntry("org.matrix.msc3202", true)
                .containsEntry("io.element.msc4190", true);
        assertThat(STEWARD.supportsEncryption()).isTrue();
        assertThat(read.get("namespaces")).isEqualTo(Map.of(
                "users", List.of(Map.of("exclusive", true, "regex", "@steward(_[^:]+)?:localhost$")),
                "aliases", List.of(),
                "rooms", List.of()));
    }

    @Test
    void givenTokensAreKept() {
        Registration given = Registration.of("steward", "http://steward:9000", "as-secret", "hs-secret", "steward",
                ServerName.of("matrix.example.org"));

        assertThat(given.asToken()).isEqualTo("as-secret");
        assertThat(given.hsToken()).isEqualTo("hs-secret");
    }

    @Test
    void generatedTokensAreLongAndDistinct() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            Registration generated = Registration.of("steward", "http://127.0.0.1:9000", null, null, "steward",
                    ServerName.of("localhost"));
            tokens.add(generated.asToken());
            tokens.add(generated.hsToken());
        }

        assertThat(tokens).hasSize(100)
                .allSatisfy(token -> assertThat(token).hasSizeGreaterThanOrEqualTo(43).matches("[A-Za-z0-9_-]+"));
    }

    static final List<Arguments> USERS = List.of(
            argumentSet("the bot", "@steward:localhost", true),
            argumentSet("a namespaced user", "@steward_x:localhost", true),
            argumentSet("a namespaced user with a dot", "@steward_ops.deploy:localhost", true),
            argumentSet("a longer localpart", "@stewardx:localhost", false),
            argumentSet("an empty namespace suffix", "@steward_:localhost", false),
            argumentSet("another server", "@steward:otherhost", false),
            argumentSet("a server that starts like ours", "@steward:localhost.example.org", false),
            argumentSet("our host on another port", "@steward_x:localhost:8448", false),
            argumentSet("someone else", "@alice:localhost", false));

    @ParameterizedTest
    @FieldSource("USERS")
    void userNamespaceClaimsOnlyStewardsUsers(String user, boolean claimed) {
        // Synapse applies the regex with Python's re.match: anchored at the start only, hence lookingAt().
        Pattern regex = Pattern.compile(STEWARD.namespaces().users().get(0).regex());

        assertThat(regex.matcher(user).lookingAt()).isEqualTo(claimed);
        assertThat(STEWARD.namespaces().users().get(0).exclusive()).isTrue();
    }

    @Test
    void regexEscapesTheServerName() {
        Registration registration = Registration.of("steward", "http://127.0.0.1:9000", null, null, "steward",
                ServerName.of("matrix.example.org:8448"));
        Pattern regex = Pattern.compile(registration.namespaces().users().get(0).regex());

        assertThat(regex.matcher("@steward_x:matrix.example.org:8448").lookingAt()).isTrue();
        assertThat(regex.matcher("@steward_x:matrixXexample.org:8448").lookingAt()).isFalse();
    }

    @Test
    void aFileThatIsNotARegistrationIsRefused() {
        assertThatThrownBy(() -> Registration.fromYaml("id: [unclosed"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid registration file");
    }
}
