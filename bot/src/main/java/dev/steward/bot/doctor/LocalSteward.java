package dev.steward.bot.doctor;

import dev.steward.bot.config.StewardConfig;

/** How a command on Steward's machine reaches the Steward that a config describes. */
public final class LocalSteward {
    private LocalSteward() {}

    /** Its HTTP server: the bind address, or the loopback when it listens on every address. */
    public static String url(StewardConfig config) {
        String host = config.appservice().bindAddress();
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") || host.isBlank()) {
            host = "127.0.0.1";
        } else if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + config.appservice().port();
    }
}
