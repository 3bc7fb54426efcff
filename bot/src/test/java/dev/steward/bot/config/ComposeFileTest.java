package dev.steward.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.bot.gateway.ModelEntry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/compose.yaml, read as Compose reads it (YAML with anchors and merge keys): Steward's service configures
 * Steward through the keys Steward reads, and the services it names, the registration's way to Synapse and the
 * volumes fit together.
 */
class ComposeFileTest {
    private static Map<String, Object> compose;
    private static StewardConfig config;

    @BeforeAll
    static void read() throws IOException {
        Path file = ConfigFiles.example().resolveSibling("docs").resolve("compose.yaml");
        compose = new Yaml().load(Files.readString(file));
        // As the container reads it: no /data/config.yaml yet, the service's environment is the configuration.
        config = new ConfigLoader(environment(service("steward"))).read(Path.of("/data/config.yaml"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    private static Map<String, Object> service(String name) {
        Map<String, Object> service = map(map(compose.get("services")).get(name));
        assertThat(service).as("the service " + name).isNotNull();
        return service;
    }

    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> environment = new LinkedHashMap<>();
        map(service.get("environment")).forEach((key, value) -> environment.put(key, String.valueOf(value)));
        return environment;
    }

    /** The service's volume mounts: target path inside the container to volume name. */
    private static Map<String, String> mounts(Map<String, Object> service) {
        Map<String, String> mounts = new LinkedHashMap<>();
        for (Object mount : list(service.get("volumes"))) {
            String[] parts = mount.toString().split(":");
            mounts.put(parts[1], parts[0]);
        }
        return mounts;
    }

    @Test
    void stewardsEnvironmentIsAValidConfigurationOfKeysStewardReads() {
        // ConfigLoader would have thrown on an unknown key, a wrong type or a placeholder.
        assertThat(environment(service("steward"))).allSatisfy((key, value) -> assertThat(key).startsWith("STEWARD_"));
        assertThat(config.appservice().bindAddress()).isEqualTo("0.0.0.0");
        assertThat(config.homeserver().serverName().value())
                .isEqualTo(environment(service("synapse")).get("SYNAPSE_SERVER_NAME"));
        assertThat(config.invites().allow()).containsExactly("@*:" + config.homeserver().serverName().value());
        assertThat(environment(service("steward-registration"))).isEqualTo(environment(service("steward")));
        assertThat(list(service("steward").get("command"))).containsExactly("up", "-c", "/data/config.yaml");
        assertThat(list(service("steward-registration").get("command")))
                .containsExactly("registration", "-c", "/data/config.yaml");
    }

    @Test
    void theAddressesNameTheServicesAndTheirPorts() {
        URI homeserver = URI.create(config.homeserver().url());
        assertThat(homeserver.getHost()).isEqualTo("synapse");
        assertThat(list(service("synapse").get("ports"))).anyMatch(port -> port.toString()
                .endsWith(":" + homeserver.getPort()));

        URI appservice = URI.create(config.appservice().publicUrl());
        assertThat(appservice.getHost()).isEqualTo("steward");
        assertThat(appservice.getPort()).isEqualTo(config.appservice().port());
        assertThat(service("steward")).as("Steward's port stays on the compose network").doesNotContainKey("ports");

        assertThat(config.models().entries()).isNotEmpty().allSatisfy(model -> {
            URI base = URI.create(model.baseUrl().orElseThrow());
            assertThat(base.getHost()).isEqualTo("ollama");
            assertThat(base.getPort()).isEqualTo(11434);
            assertThat(model.provider()).isEqualTo(ModelEntry.Provider.OLLAMA);
            assertThat(model.local()).isTrue();
        });
        assertThat(config.models().defaultModel()).contains(config.models().entries().get(0).name());
    }

    @Test
    void synapseReadsTheRegistrationStewardWritesFromTheSharedVolume() {
        Map<String, String> steward = mounts(service("steward"));
        Path dataDir = config.dataDir();
        assertThat(steward).containsKey(dataDir.toString());
        Path registration = config.appservice().registrationFile();
        assertThat(registration.startsWith(dataDir)).as("%s lies in %s", registration, dataDir).isTrue();

        String volume = steward.get(dataDir.toString());
        Map.Entry<String, String> inSynapse = mounts(service("synapse")).entrySet().stream()
                .filter(mount -> mount.getValue().equals(volume)).findFirst().orElseThrow();
        String registrationInSynapse = Path.of(inSynapse.getKey()).resolve(dataDir.relativize(registration)).toString();
        Map<String, Object> appservices = new Yaml().load(map(map(compose.get("configs")).get("synapse-appservices"))
                .get("content").toString());
        assertThat(list(appservices.get("app_service_config_files"))).containsExactly(registrationInSynapse);
        String configTarget = map(list(service("synapse").get("configs")).get(0)).get("target").toString();
        assertThat(list(service("synapse").get("command"))).contains("--config-path=" + configTarget);

        // The registration is readable by its owner only: Synapse runs as Steward's user.
        String[] user = service("steward").get("user").toString().split(":");
        assertThat(environment(service("synapse"))).containsEntry("UID", user[0]).containsEntry("GID", user[1]);
        assertThat(map(map(service("synapse").get("depends_on")).get("steward-registration")))
                .containsEntry("condition", "service_completed_successfully");
        assertThat(map(map(service("steward").get("depends_on")).get("synapse")))
                .containsEntry("condition", "service_healthy");
    }

    @Test
    void everyVolumeIsDeclaredAndTheHealthCheckAsksReadyz() {
        Map<String, Object> declared = map(compose.get("volumes"));
        for (String name : List.of("steward", "steward-registration", "synapse", "ollama")) {
            assertThat(mounts(service(name)).values()).allSatisfy(volume -> assertThat(declared).containsKey(volume));
        }
        assertThat(list(map(service("steward").get("healthcheck")).get("test")))
                .containsSubsequence("steward", "ready", "-c", "/data/config.yaml");
        assertThat(service("synapse").get("image").toString()).startsWith("matrixdotorg/synapse:");
        assertThat(service("ollama").get("image").toString()).startsWith("ollama/ollama:");
    }
}
