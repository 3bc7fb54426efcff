package dev.steward.bot.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.safety.authority.Power;
import dev.steward.safety.content.ContentFilter;
import dev.steward.safety.policy.MemberRoles;
import dev.steward.safety.policy.PolicyValues;
import dev.steward.safety.policy.Roles;
import dev.steward.safety.sensitivity.SensitivityRule;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code safety} section: the space's time zone, roles and their powers, who has which role, the content
 * filter's extra terms, the moderation model, and what to do with context that must stay local.
 */
final class SafetyConfigReader {
    private SafetyConfigReader() {}

    static StewardConfig.Safety read(ConfigReader reader) {
        ZoneId zone = zone(reader);
        String defaultRole = reader.string("safety.default_role", "adult");
        Roles roles = roles(reader);
        List<MemberRoles.Assignment> members = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : reader.entries("safety.members")) {
            String path = "safety.members." + entry.getKey();
            if (entry.getKey().contains(ConfigReader.PLACEHOLDER)) {
                reader.problem(path + " still holds the example's placeholder " + ConfigReader.PLACEHOLDER
                        + ": set a real Matrix id");
            } else if (!entry.getKey().startsWith("@") || !entry.getKey().contains(":")) {
                reader.problem(path + ": a member is a Matrix id or a glob such as @*:example.org");
            } else if (!entry.getKey().contains("*") && !entry.getKey().contains("?")) {
                reader.parsed(path, entry.getKey(), UserId::of);
            }
            role(reader, roles, path, entry.getValue()).ifPresent(role ->
                    members.add(new MemberRoles.Assignment(entry.getKey(), role)));
        }
        if (!roles.exists(defaultRole)) {
            reader.problem("safety.default_role must name a role, one of " + roles.names() + ", got '"
                    + defaultRole + "'");
        }
        if (reader.present("safety.power_level_roles")) {
            reader.problem("safety.power_level_roles is no longer read: a room's power level now gives powers over that"
                    + " room only, never a role. Remove it; safety.room_admin_level (default 100) sets the level, and"
                    + " roles.<role>.powers gives Steward's global powers (docs/configuration.md)");
        }
        int roomAdminLevel = (int) reader.number("safety.room_admin_level", 100, 1, Integer.MAX_VALUE);
        String adminRoom = reader.string("safety.admin_room", null);
        return new StewardConfig.Safety(zone, defaultRole, members, roomAdminLevel, roles, contentFilter(reader),
                Optional.ofNullable(reader.parsed("safety.admin_room", adminRoom, RoomId::of)),
                reader.string("safety.language", "en"),
                BigDecimal.valueOf(reader.number("safety.budget_warning_percent", 80, 1, 100)).movePointLeft(2),
                sensitiveContext(reader),
                new StewardConfig.Moderation(Optional.ofNullable(reader.string("safety.moderation_model", null)),
                        java.time.Duration.ofSeconds(reader.number("safety.moderation_timeout_seconds", 5, 1, 60))));
    }

    private static SensitivityRule.Mode sensitiveContext(ConfigReader reader) {
        String text = reader.string("safety.sensitive_context", "go_local");
        return switch (text) {
            case "go_local" -> SensitivityRule.Mode.GO_LOCAL;
            case "leave_out" -> SensitivityRule.Mode.LEAVE_OUT;
            default -> {
                reader.problem("safety.sensitive_context must be go_local or leave_out, got '" + text + "'");
                yield SensitivityRule.Mode.GO_LOCAL;
            }
        };
    }

    /** The moderation model must be one of the configured models, and local: what it reads may be a child's. */
    static void checkModeration(ConfigReader reader, StewardConfig.Safety safety, StewardConfig.Models models) {
        safety.moderation().model().ifPresent(name -> {
            var entry = models.entries().stream().filter(model -> model.name().equals(name)).findFirst();
            if (entry.isEmpty()) {
                reader.problem("safety.moderation_model must name one of the models, got '" + name + "'");
            } else if (!entry.get().local()) {
                reader.problem("safety.moderation_model '" + name + "' must be a local model (local: true): it reads"
                        + " members' requests before the content filter has let them through");
            } else if (entry.get().provider() != dev.steward.bot.gateway.ModelEntry.Provider.OPENAI
                    && entry.get().provider() != dev.steward.bot.gateway.ModelEntry.Provider.OLLAMA) {
                reader.problem("safety.moderation_model '" + name + "' must be an openai-compatible or ollama model");
            }
        });
    }

    /** The bundled word lists plus the config's own terms and allowed phrases, each error under its path. */
    private static ContentFilter contentFilter(ConfigReader reader) {
        List<String> terms = reader.strings("safety.content_filter.extra_terms", (path, term) -> { });
        List<String> allowed = reader.strings("safety.content_filter.allow", (path, term) -> { });
        if (terms.isEmpty() && allowed.isEmpty()) {
            return ContentFilter.bundled();
        }
        try {
            return ContentFilter.withExtraTerms(terms, allowed);
        } catch (IllegalArgumentException e) {
            reader.problem("safety.content_filter." + e.getMessage().replace("terms[", "extra_terms[")
                    .replace("allowed[", "allow["));
            return ContentFilter.bundled();
        }
    }

    private static ZoneId zone(ConfigReader reader) {
        String text = reader.string("safety.time_zone", "UTC");
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            reader.problem("safety.time_zone must be a time zone such as Europe/Berlin, got '" + text + "'");
            return ZoneId.of("UTC");
        }
    }

    private static Roles roles(ConfigReader reader) {
        Roles roles = Roles.defaults();
        for (Map.Entry<String, JsonNode> entry : reader.entries("safety.roles")) {
            String path = "safety.roles." + entry.getKey();
            if (!entry.getValue().isObject()) {
                reader.problem(path + " must be a mapping of policy keys");
                continue;
            }
            Map<String, String> raw = new LinkedHashMap<>();
            Optional<String> basedOn = Optional.empty();
            Optional<Set<Power>> powers = Optional.empty();
            for (var field : (Iterable<Map.Entry<String, JsonNode>>) entry.getValue()::fields) {
                String value = field.getValue().isArray() ? join(field.getValue()) : field.getValue().asText();
                if (field.getKey().equals("based_on")) {
                    basedOn = Optional.of(value);
                } else if (field.getKey().equals("powers")) {
                    powers = Optional.of(powers(reader, path + ".powers", value));
                } else {
                    raw.put(field.getKey(), value);
                }
            }
            try {
                roles = roles.with(entry.getKey(), PolicyValues.parse(raw, path), basedOn, powers);
            } catch (IllegalArgumentException e) {
                e.getMessage().lines().forEach(reader::problem);
            }
        }
        return roles;
    }

    /** "*" for every power, or a list of power names; each unknown name is a problem under {@code path}. */
    private static Set<Power> powers(ConfigReader reader, String path, String text) {
        Set<Power> powers = EnumSet.noneOf(Power.class);
        for (String name : text.split("[,\\s]+")) {
            if (name.isBlank()) {
                continue;
            }
            if (name.equals("*")) {
                powers.addAll(EnumSet.allOf(Power.class));
                continue;
            }
            Power.named(name).ifPresentOrElse(powers::add, () -> reader.problem(path + ": '" + name
                    + "' is not a power; the powers are " + Power.keys() + " (or * for all)"));
        }
        return powers;
    }

    private static String join(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(item -> items.add(item.asText()));
        return String.join(",", items);
    }

    private static Optional<String> role(ConfigReader reader, Roles roles, String path, JsonNode value) {
        if (!value.isTextual() || !roles.exists(value.asText())) {
            reader.problem(path + " must name a role, one of " + roles.names() + ", got " + value);
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }
}
