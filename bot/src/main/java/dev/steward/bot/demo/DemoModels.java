package dev.steward.bot.demo;

import dev.steward.bot.cli.DemoOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a model for the demo the way self-hosters have one, in this order: an OpenAI-compatible server given with
 * {@code --model-url} (or {@code STEWARD_DEMO_MODEL_URL}), an Ollama on 127.0.0.1:11434 (its pulled models read from
 * {@code /api/tags}), then a cloud key in {@code OPENAI_API_KEY} or {@code ANTHROPIC_API_KEY}.
 */
final class DemoModels {
    static final String MODEL_URL_VARIABLE = "STEWARD_DEMO_MODEL_URL";
    private static final Duration ASK_FOR = Duration.ofSeconds(2);

    private final Map<String, String> environment;
    private final HttpClient http;

    DemoModels(Map<String, String> environment, HttpClient http) {
        this.environment = environment;
        this.http = http;
    }

    Optional<DemoModel> find(DemoOptions options) throws InterruptedException {
        Optional<String> url = options.modelUrl().or(() -> Optional.ofNullable(environment.get(MODEL_URL_VARIABLE))
                .filter(value -> !value.isBlank()));
        if (url.isPresent()) {
            return Optional.of(openAiCompatible(url.get(), options.modelName()));
        }
        Optional<DemoModel> ollama = ollama(options.ollamaUrl(), options.modelName());
        if (ollama.isPresent()) {
            return ollama;
        }
        if (present("OPENAI_API_KEY")) {
            String model = options.modelName().orElse("gpt-4o-mini");
            return Optional.of(new DemoModel(named(model), "openai", model, Optional.empty(), false,
                    Optional.of("OPENAI_API_KEY"), "OpenAI (OPENAI_API_KEY)"));
        }
        if (present("ANTHROPIC_API_KEY")) {
            String model = options.modelName().orElse("claude-3-5-haiku-latest");
            return Optional.of(new DemoModel(named(model), "anthropic", model, Optional.empty(), false,
                    Optional.of("ANTHROPIC_API_KEY"), "Anthropic (ANTHROPIC_API_KEY)"));
        }
        return Optional.empty();
    }

    private boolean present(String variable) {
        String value = environment.get(variable);
        return value != null && !value.isBlank();
    }

    /** The given server; its first listed model unless one is named. A server on this machine or its network is local. */
    private DemoModel openAiCompatible(String url, Optional<String> name) throws InterruptedException {
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        String model = name.isPresent() ? name.get() : firstListed(base + "/models", "data", "id").orElse("default");
        return new DemoModel(named(model), "openai", model, Optional.of(base), onLocalNetwork(base), Optional.empty(),
                "the OpenAI-compatible server at " + base);
    }

    private Optional<DemoModel> ollama(String url, Optional<String> name) throws InterruptedException {
        Optional<String> pulled = firstListed(url + "/api/tags", "models", "name");
        if (pulled.isEmpty()) {
            return Optional.empty();
        }
        String model = name.orElse(pulled.get());
        return Optional.of(new DemoModel(named(model), "ollama", model, Optional.of(url), onLocalNetwork(url),
                Optional.empty(), "Ollama at " + url));
    }

    /** The first model a server lists, or empty when it does not answer in time or lists none. */
    private Optional<String> firstListed(String url, String listField, String idField) throws InterruptedException {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(ASK_FOR).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                return Optional.empty();
            }
            JsonArray models = new JsonObject(answer.body()).getJsonArray(listField, new JsonArray());
            return models.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
                    .map(model -> model.getString(idField)).filter(id -> id != null && !id.isBlank()).findFirst();
        } catch (IOException | DecodeException | IllegalArgumentException | ClassCastException e) {
            return Optional.empty();
        }
    }

    /** The model's name in the config, which answers' footers show and {@code !ask @name} uses: its id, plainly. */
    static String named(String modelId) {
        return modelId.replaceAll("[^A-Za-z0-9._-]", "-");
    }

    static boolean onLocalNetwork(String url) {
        try {
            String host = URI.create(url).getHost();
            if (host == null) {
                return false;
            }
            InetAddress address = InetAddress.getByName(host);
            return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress();
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
