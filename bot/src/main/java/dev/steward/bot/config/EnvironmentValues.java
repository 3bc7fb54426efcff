package dev.steward.bot.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A configuration value given as an environment variable, typed as the same text would be in the file: whole
 * numbers and {@code true}/{@code false} as such, a value starting with {@code [} or <code>{</code> as YAML (lists
 * and sections: {@code STEWARD_INVITES_ALLOW='["@*:example.org"]'}), anything else as text, so that
 * {@code @*:example.org} or a token needs no quoting.
 */
final class EnvironmentValues {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,18}");

    private EnvironmentValues() {}

    static JsonNode parse(String value, String variable, List<String> problems) {
        String text = value.strip();
        if (WHOLE_NUMBER.matcher(text).matches()) {
            return JsonNodeFactory.instance.numberNode(Long.parseLong(text));
        }
        if (text.equals("true") || text.equals("false")) {
            return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(text));
        }
        if (text.startsWith("[") || text.startsWith("{")) {
            try {
                return YAML.readTree(text);
            } catch (IOException e) {
                problems.add(variable + " is not a valid YAML list or section: "
                        + e.getMessage().lines().findFirst().orElse(""));
                return MissingNode.getInstance();
            }
        }
        return JsonNodeFactory.instance.textNode(text);
    }
}
