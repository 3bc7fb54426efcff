package dev.steward.homeserver.registration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.steward.homeserver.id.ServerName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * An application service registration: the file the homeserver reads to know Steward (spec: Application Service
 * API, "Registration"). Steward's namespace is exclusive: the bot user and every {@code @<localpart>_...} user.
 *
 * <p>For encrypted rooms it asks for ephemeral events and to-device messages ({@code receive_ephemeral}, MSC2409),
 * one-time key counts and device list changes ({@code org.matrix.msc3202}), and device management by the
 * appservice ({@code io.element.msc4190}). Synapse also needs {@code msc2409_to_device_messages_enabled} and
 * {@code msc3202_transaction_extensions} under {@code experimental_features}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Registration(
        String id,
        String url,
        @JsonProperty("as_token") String asToken,
        @JsonProperty("hs_token") String hsToken,
        @JsonProperty("sender_localpart") String senderLocalpart,
        @JsonProperty("rate_limited") boolean rateLimited,
        Namespaces namespaces,
        @JsonProperty("receive_ephemeral") Boolean receiveEphemeral,
        @JsonProperty("org.matrix.msc3202") Boolean transactionExtensions,
        @JsonProperty("io.element.msc4190") Boolean deviceManagement) {

    public record Namespaces(List<Namespace> users, List<Namespace> aliases, List<Namespace> rooms) {}

    public record Namespace(boolean exclusive, String regex) {}

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** A registration for Steward; tokens that are null are generated (32 random bytes each). */
    public static Registration of(String id, String url, String asToken, String hsToken, String senderLocalpart,
            ServerName serverName) {
        return new Registration(id, url,
                asToken != null ? asToken : randomToken(),
                hsToken != null ? hsToken : randomToken(),
                senderLocalpart, false,
                new Namespaces(List.of(new Namespace(true, userRegex(senderLocalpart, serverName))),
                        List.of(), List.of()),
                true, true, true);
    }

    /**
     * The bot user and its namespaced users; a Python regular expression, as Synapse reads it. Synapse applies it
     * with {@code re.match}, anchored at the start only: the final {@code $} keeps users of other servers whose name
     * merely starts with ours ({@code localhost.example.org}, {@code localhost:8448}) out of the exclusive namespace.
     */
    static String userRegex(String senderLocalpart, ServerName serverName) {
        return "@" + escape(senderLocalpart) + "(_[^:]+)?:" + escape(serverName.value()) + "$";
    }

    private static String escape(String literal) {
        return literal.replaceAll("([\\\\.^$|?*+()\\[\\]{}])", "\\\\$1");
    }

    /** Whether the homeserver will give Steward what encrypted rooms need (see the class comment). */
    public boolean supportsEncryption() {
        return Boolean.TRUE.equals(receiveEphemeral) && Boolean.TRUE.equals(transactionExtensions)
                && Boolean.TRUE.equals(deviceManagement);
    }

    public static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String toYaml() {
        try {
            return YAML.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Registration fromYaml(String yaml) {
        try {
            return YAML.readValue(yaml, Registration.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a valid registration file: " + e.getMessage(), e);
        }
    }

    public static Registration read(Path file) {
        try {
            return fromYaml(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read registration " + file, e);
        }
    }
}
