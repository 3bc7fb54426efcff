package dev.steward.bot.safety;

import java.time.LocalTime;

/** What a member reads when their policy stops a command. */
final class GateStrings {
    private GateStrings() {}

    static String notAllowed(String prefix, String command) {
        return "Sorry, " + prefix + command + " is not available to you here. Send " + prefix
                + "policy to see what you can use.";
    }

    static String quietHours(LocalTime endsAt) {
        return "It's quiet time now, so I'm not answering that. Ask me again after " + endsAt + ".";
    }
}
