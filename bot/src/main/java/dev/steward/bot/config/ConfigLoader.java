package dev.steward.bot.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.steward.homeserver.id.ServerName;
import dev.steward.homeserver.id.UserId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads {@code config.yaml} into a {@link StewardConfig}, validated before anything starts. Relative paths are
 * taken from the config file's folder. Secrets may come from environment variables, which win over the file.
 */
public final class ConfigLoader {
    public static final String AS_TOKEN_VARIABLE = "STEWARD_AS_TOKEN";
    public static final String HS_TOKEN_VARIABLE = "STEWARD_HS_TOKEN";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, String> environment;

    public ConfigLoader(Map<String, String> environment) {
        this.environment = environment;
    }

    public static StewardConfig load(Path file) {
        return new ConfigLoader(System.getenv()).read(file);
    }

    public StewardConfig read(Path file) {
        String text;
        try {
            // A container may be configured by its environment alone: then a missing file is an empty one.
            text = Files.notExists(file) && configuredByEnvironment() ? "" : Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), List.of("cannot be read: " + e.getMessage()));
        }
        Path base = file.toAbsolutePath().getParent();
        return parse(text, base, file.toString());
    }

    /** Whether the environment sets the one key every config needs, so that a file may be left out. */
    public boolean configuredByEnvironment() {
        return environment.containsKey(ConfigReader.variable("homeserver.url"));
    }

    public StewardConfig parse(String yaml, Path base, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new ConfigException(source, List.of("is not valid YAML: " + firstLine(e.getMessage())));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            root = JsonNodeFactory.instance.objectNode();
        }
        if (!root.isObject()) {
            throw new ConfigException(source, List.of("must be a YAML mapping of settings"));
        }
        ConfigReader reader = new ConfigReader(root, environment);
        StewardConfig config = read(reader, base);
        reader.reportUnknownKeys();
        if (!reader.problems().isEmpty()) {
            throw new ConfigException(source, reader.problems());
        }
        return config;
    }

    private static StewardConfig read(ConfigReader reader, Path base) {
        Path dataDir = base.resolve(reader.string("data_dir", "data")).normalize();
        StewardConfig.Homeserver homeserver = new StewardConfig.Homeserver(
                reader.httpUrl("homeserver.url", null),
                reader.parsed("homeserver.server_name", reader.required("homeserver.server_name"), ServerName::of));
        StewardConfig.Appservice appservice = appservice(reader, base, dataDir);
        StewardConfig.Bot bot = new StewardConfig.Bot(
                reader.string("bot.localpart", "steward"),
                reader.string("bot.display_name", "Steward"),
                reader.string("bot.command_prefix", "!"));
        if (homeserver.serverName() != null) {
            reader.parsed("bot.localpart", bot.localpart(), localpart -> UserId.of(localpart, homeserver.serverName()));
        }
        if (bot.commandPrefix().isBlank() || bot.commandPrefix().chars().anyMatch(Character::isWhitespace)) {
            reader.problem("bot.command_prefix must be non-empty and without spaces");
        }
        StewardConfig.Invites invites = new StewardConfig.Invites(
                reader.strings("invites.allow", (path, pattern) -> checkInvitePattern(reader, path, pattern)));
        StewardConfig.Pipeline pipeline = new StewardConfig.Pipeline(
                reader.bool("pipeline.paused", false),
                (int) reader.number("pipeline.max_attempts", 5, 1, 100));
        StewardConfig.Safety safety = SafetyConfigReader.read(reader);
        StewardConfig.Models models = ModelsConfigReader.read(reader);
        SafetyConfigReader.checkModeration(reader, safety, models);
        return new StewardConfig(dataDir, homeserver, appservice, bot, invites, pipeline,
                safety, models, ConversationConfigReader.read(reader),
                new StewardConfig.Memory(java.time.Duration.ofDays(reader.number("memory.retention_days", 30, 0, 3650))),
                EncryptionConfigReader.read(reader));
    }

    private static StewardConfig.Appservice appservice(ConfigReader reader, Path base, Path dataDir) {
        int port = (int) reader.number("appservice.port", 9000, 1, 65535);
        String bind = reader.string("appservice.bind_address", "127.0.0.1");
        Optional<String> asToken = reader.secret("appservice.as_token", AS_TOKEN_VARIABLE);
        Optional<String> hsToken = reader.secret("appservice.hs_token", HS_TOKEN_VARIABLE);
        if (asToken.isPresent() && asToken.equals(hsToken)) {
            reader.problem("appservice.as_token and appservice.hs_token must differ");
        }
        String registration = reader.string("appservice.registration_file", null);
        return new StewardConfig.Appservice(
                reader.string("appservice.id", "steward"),
                bind,
                port,
                reader.httpUrl("appservice.url", "http://127.0.0.1:" + port),
                asToken,
                hsToken,
                registration == null ? dataDir.resolve("registration.yaml") : base.resolve(registration).normalize(),
                reader.number("appservice.max_body_bytes", 16L << 20, 1024, 1L << 30));
    }

    private static void checkInvitePattern(ConfigReader reader, String path, String pattern) {
        if (!pattern.startsWith("@") || !pattern.contains(":")) {
            reader.problem(path + " must be a Matrix user id or a glob such as @*:example.org, got '" + pattern + "'");
        }
    }

    private static String firstLine(String message) {
        return message == null ? "unknown error" : message.lines().findFirst().orElse(message);
    }
}
