package dev.steward.bot.doctor;

import dev.steward.bot.config.StewardConfig;
import io.vertx.core.json.JsonObject;

/**
 * What Synapse's appservice ping ({@code POST /_matrix/client/v1/appservice/{id}/ping}) says, for people: Synapse
 * sends the ping to {@code appservice.url} with the hs_token of the registration it loaded, so each answer points at
 * one thing to fix.
 */
final class PingAnswers {
    private PingAnswers() {}

    static Finding read(StewardConfig config, int status, JsonObject body) {
        String url = config.appservice().publicUrl();
        String errcode = body.getString("errcode", "");
        if (status == 200) {
            return Finding.ok("appservice ping", "the homeserver reaches Steward at " + url + " ("
                    + body.getLong("duration_ms", 0L) + " ms) with the hs_token Steward expects");
        }
        return switch (errcode) {
            case "M_BAD_STATUS" -> badStatus(config, body.getInteger("status", 0));
            case "M_CONNECTION_FAILED", "M_CONNECTION_TIMEOUT" -> Finding.fail("appservice ping",
                    "the homeserver cannot reach Steward at " + url + " (" + errcode + ")",
                    "start Steward ('steward run'), and make appservice.url the address at which the homeserver"
                            + " reaches it; then run 'steward registration' again, give Synapse the new file and"
                            + " restart Synapse");
            case "M_FORBIDDEN", "M_NOT_FOUND", "M_UNKNOWN_TOKEN" -> Finding.fail("appservice ping",
                    "the homeserver has no registration '" + config.appservice().id() + "' with this as_token ("
                            + status + " " + errcode + ")",
                    "appservice.id must be the registration's id: run 'steward registration', give Synapse the"
                            + " file and restart Synapse");
            default -> Finding.fail("appservice ping", "the homeserver answered " + status + " " + errcode + ": "
                    + body.getString("error", ""), "a homeserver older than Matrix v1.7 has no appservice ping;"
                    + " otherwise see its log");
        };
    }

    private static Finding badStatus(StewardConfig config, int stewardStatus) {
        if (stewardStatus == 401 || stewardStatus == 403) {
            return Finding.fail("appservice ping", "Steward refused the homeserver's hs_token (" + stewardStatus
                    + "): the registration Synapse loaded holds another hs_token than Steward's configuration",
                    "give Synapse the registration 'steward registration -c <config>' writes (or set the same"
                            + " hs_token on both sides) and restart Synapse");
        }
        return Finding.fail("appservice ping", "something at " + config.appservice().publicUrl() + " answered "
                + stewardStatus + " instead of Steward", "appservice.url must point at Steward's port "
                + config.appservice().port());
    }
}
