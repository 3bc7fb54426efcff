package dev.steward.bot.demo;

import java.util.Optional;

/**
 * The model the demo found and configures: where it runs, and how the banner and the room describe it.
 *
 * @param apiKeyVariable the environment variable holding a cloud provider's key (never the key itself)
 */
record DemoModel(String name, String provider, String modelId, Optional<String> baseUrl, boolean local,
        Optional<String> apiKeyVariable, String foundAs) {

    /** The model's entry in the demo's config.yaml. */
    String yaml() {
        StringBuilder entry = new StringBuilder("  - name: ").append(name)
                .append("\n    provider: ").append(provider)
                .append("\n    model_id: \"").append(modelId.replace("\"", "")).append('"')
                .append("\n    local: ").append(local);
        baseUrl.ifPresent(url -> entry.append("\n    base_url: \"").append(url).append('"'));
        apiKeyVariable.ifPresent(variable -> entry.append("\n    api_key_env: ").append(variable));
        return "models:\n" + entry + "\nrouting:\n  default: " + name + "\n";
    }

    /** One line for the banner: which model, from where, local or not. */
    String described() {
        return modelId + " from " + foundAs + (local ? " (local)" : " (cloud)");
    }
}
