package dev.steward.bot.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Reads typed values out of a YAML tree and collects every problem with its key path ({@code appservice.port must
 * be a whole number from 1 to 65535}), so that one run of {@code check-config} names all of them. Keys never read
 * are reported as unknown, which catches typos.
 */
final class ConfigReader {
    static final String PLACEHOLDER = "CHANGE_ME";

    private final JsonNode root;
    private final Map<String, String> environment;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> read = new LinkedHashSet<>();
    /** Keys read as values: what lies under them is the value's own problem, not an unknown setting. */
    private final Set<String> valueKeys = new LinkedHashSet<>();

    ConfigReader(JsonNode root, Map<String, String> environment) {
        this.root = root;
        this.environment = environment;
    }

    Map<String, String> environment() {
        return environment;
    }

    List<String> problems() {
        return problems;
    }

    void problem(String message) {
        problems.add(message);
    }

    JsonNode node(String path) {
        JsonNode node = root;
        String prefix = "";
        for (String part : path.split("\\.")) {
            prefix = prefix.isEmpty() ? part : prefix + "." + part;
            read.add(prefix);
            node = node.isObject() ? node.path(part) : MissingNode.getInstance();
        }
        valueKeys.add(path);
        String fromEnvironment = environment.get(variable(path));
        return fromEnvironment == null ? node : EnvironmentValues.parse(fromEnvironment, variable(path), problems);
    }

    /**
     * The environment variable that sets a key, which wins over the file: {@code homeserver.url} is
     * {@code STEWARD_HOMESERVER_URL}, {@code appservice.as_token} is {@code STEWARD_APPSERVICE_AS_TOKEN}.
     */
    static String variable(String path) {
        return "STEWARD_" + path.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
    }

    /** A key as problems name it: with its variable when the environment set it. */
    private String label(String path) {
        return environment.containsKey(variable(path)) ? path + " (from " + variable(path) + ")" : path;
    }

    /**
     * A mapping whose keys are data (Matrix ids, role names), in file order; the values are returned as they are and
     * their problems are the caller's to report.
     */
    List<Map.Entry<String, JsonNode>> entries(String path) {
        JsonNode node = node(path);
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return entries;
        }
        if (!node.isObject()) {
            problems.add(label(path) + " must be a mapping");
            return entries;
        }
        node.fields().forEachRemaining(entries::add);
        return entries;
    }

    boolean present(String path) {
        JsonNode node = node(path);
        return !node.isMissingNode() && !node.isNull();
    }

    /** A string; {@code fallback} when absent. Placeholders left from the example are refused. */
    String string(String path, String fallback) {
        JsonNode node = node(path);
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (!node.isValueNode() || node.isBoolean()) {
            problems.add(label(path) + " must be a text value");
            return fallback;
        }
        String value = node.asText();
        if (value.contains(PLACEHOLDER)) {
            problems.add(label(path) + " still holds the example's placeholder " + PLACEHOLDER + ": set a real value");
        }
        return value;
    }

    /** A secret: the environment variable wins over the file, and messages name both. */
    Optional<String> secret(String path, String variable) {
        String fromEnvironment = environment.get(variable);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            node(path);
            return Optional.of(fromEnvironment.strip());
        }
        String value = string(path, null);
        if (value != null && value.isBlank()) {
            problems.add(label(path) + " (or the environment variable " + variable + ") must not be empty");
            return Optional.empty();
        }
        return Optional.ofNullable(value);
    }

    String required(String path) {
        String value = string(path, null);
        if (value == null || value.isBlank()) {
            problems.add(label(path) + " is required");
        }
        return value;
    }

    long number(String path, long fallback, long min, long max) {
        JsonNode node = node(path);
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (!node.canConvertToLong() || !node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
            problems.add(label(path) + " must be a whole number from " + min + " to " + max + ", got " + shown(node));
            return fallback;
        }
        return node.asLong();
    }

    boolean bool(String path, boolean fallback) {
        JsonNode node = node(path);
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            problems.add(label(path) + " must be true or false, got " + shown(node));
            return fallback;
        }
        return node.asBoolean();
    }

    String httpUrl(String path, String fallback) {
        String value = fallback == null ? required(path) : string(path, fallback);
        if (value == null || value.contains(PLACEHOLDER)) {
            return value;
        }
        try {
            URI uri = new URI(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                problems.add(label(path) + " must be an http(s) URL, got '" + value + "'");
            }
        } catch (URISyntaxException e) {
            problems.add(label(path) + " must be an http(s) URL, got '" + value + "'");
        }
        return value;
    }

    /** A list of texts; {@code check} gets each item with its own path ({@code invites.allow[2]}) to report under. */
    List<String> strings(String path, BiConsumer<String, String> check) {
        JsonNode node = node(path);
        List<String> values = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return values;
        }
        if (!node.isArray()) {
            problems.add(label(path) + " must be a list");
            return values;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String at = path + "[" + i + "]";
            if (!item.isTextual() || item.asText().isBlank()) {
                problems.add(at + " must be a non-empty text value");
            } else if (item.asText().contains(PLACEHOLDER)) {
                problems.add(at + " still holds the example's placeholder " + PLACEHOLDER + ": set a real value");
            } else {
                check.accept(at, item.asText());
                values.add(item.asText());
            }
        }
        return values;
    }

    /** Checks a value by a parser that throws IllegalArgumentException (ids, names), reporting under the path. */
    <T> T parsed(String path, String value, Function<String, T> parser) {
        if (value == null || value.contains(PLACEHOLDER)) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            problems.add(label(path) + ": " + e.getMessage());
            return null;
        }
    }

    /** Reports every key in the file that no part of the config reads. */
    void reportUnknownKeys() {
        walk(root, "");
    }

    private void walk(JsonNode node, String path) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (!read.contains(child)) {
                    problems.add(child + " is not a known setting");
                } else if (valueKeys.contains(child)) {
                    continue;
                } else if (field.getValue().isObject() || field.getValue().isNull()) {
                    walk(field.getValue(), child);
                } else {
                    // A section given as one value ("bot: steward") would otherwise be ignored without a word.
                    problems.add(child + " must be a section of settings, got " + shown(field.getValue()));
                }
            }
        }
    }

    private static String shown(JsonNode node) {
        String text = node.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
