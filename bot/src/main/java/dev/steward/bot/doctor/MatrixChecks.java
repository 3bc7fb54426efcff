package dev.steward.bot.doctor;

import dev.steward.bot.AppserviceTokens;
import dev.steward.bot.config.StewardConfig;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The homeserver as Steward sees it: it answers at {@code homeserver.url}, it knows Steward's {@code as_token}, and
 * its appservice ping reaches Steward with the {@code hs_token} Steward expects (which shows that Synapse loaded the
 * registration this config belongs to).
 */
final class MatrixChecks {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final StewardConfig config;
    private final HttpClient http;

    MatrixChecks(StewardConfig config, HttpClient http) {
        this.config = config;
        this.http = http;
    }

    List<Finding> run() throws InterruptedException {
        List<Finding> findings = new ArrayList<>();
        Finding homeserver = homeserver();
        findings.add(homeserver);
        AppserviceTokens tokens;
        try {
            tokens = AppserviceTokens.resolve(config);
        } catch (RuntimeException e) {
            findings.add(Finding.fail("tokens", "no as_token and hs_token in the config, its variables or "
                    + config.appservice().registrationFile(), "run 'steward registration -c <config>' and give the"
                    + " file to Synapse (app_service_config_files), then restart Synapse"));
            return findings;
        }
        findings.add(Finding.ok("tokens", "as_token and hs_token from "
                + (config.appservice().asToken().isPresent() ? "the config" : config.appservice().registrationFile())));
        if (homeserver.level() == Finding.Level.FAIL) {
            return findings;
        }
        findings.add(asToken(tokens));
        findings.add(ping(tokens));
        return findings;
    }

    private Finding homeserver() throws InterruptedException {
        String url = config.homeserver().url();
        try {
            HttpResponse<String> answer = get(url + "/_matrix/client/versions", null);
            if (answer.statusCode() != 200) {
                return Finding.fail("homeserver", url + " answered " + answer.statusCode() + " to /_matrix/client/versions",
                        "homeserver.url must be the homeserver's client-server API (Synapse's listener with the"
                                + " 'client' resource), for example http://127.0.0.1:8008");
            }
            io.vertx.core.json.JsonArray versions = json(answer.body())
                    .getJsonArray("versions", new io.vertx.core.json.JsonArray());
            return Finding.ok("homeserver", url + " answers (Matrix " + (versions.isEmpty() ? "?"
                    : "up to " + versions.getValue(versions.size() - 1)) + ")");
        } catch (IOException | IllegalArgumentException e) {
            return Finding.fail("homeserver", "no answer from " + url + " (" + reason(e) + ")",
                    "start the homeserver, or correct homeserver.url: it is how Steward reaches it, from where"
                            + " Steward runs (a container reaches another by its service name, not 127.0.0.1)");
        }
    }

    private Finding asToken(AppserviceTokens tokens) throws InterruptedException {
        String url = config.homeserver().url() + "/_matrix/client/v3/account/whoami?user_id="
                + URLEncoder.encode(config.botUserId().value(), StandardCharsets.UTF_8);
        try {
            HttpResponse<String> answer = get(url, tokens.asToken());
            JsonObject body = json(answer.body());
            if (answer.statusCode() == 200) {
                return Finding.ok("as_token", "the homeserver knows it: Steward is "
                        + body.getString("user_id", config.botUserId().value()));
            }
            return Finding.fail("as_token", "the homeserver refused it (" + answer.statusCode() + " "
                    + body.getString("errcode", "") + ")", "the homeserver has not loaded Steward's registration, or"
                    + " its copy holds other tokens: give it the file 'steward registration' writes"
                    + " (app_service_config_files) and restart it");
        } catch (IOException e) {
            return Finding.fail("as_token", "no answer (" + reason(e) + ")", "check homeserver.url");
        }
    }

    private Finding ping(AppserviceTokens tokens) throws InterruptedException {
        String id = config.appservice().id();
        String url = config.homeserver().url() + "/_matrix/client/v1/appservice/"
                + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20") + "/ping";
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + tokens.asToken())
                    .POST(HttpRequest.BodyPublishers.ofString(new JsonObject()
                            .put("transaction_id", "steward-doctor").encode()))
                    .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            return PingAnswers.read(config, answer.statusCode(), json(answer.body()));
        } catch (IOException e) {
            return Finding.fail("appservice ping", "no answer (" + reason(e) + ")", "check homeserver.url");
        }
    }

    private HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(String body) {
        try {
            return body == null || body.isBlank() ? new JsonObject() : new JsonObject(body);
        } catch (DecodeException e) {
            return new JsonObject();
        }
    }

    static String reason(Exception e) {
        String message = e.getMessage();
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "no answer within " + TIMEOUT.toSeconds() + " s";
        }
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
