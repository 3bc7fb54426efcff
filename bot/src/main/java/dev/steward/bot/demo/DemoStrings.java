package dev.steward.bot.demo;

import java.nio.file.Path;

/** The demo's texts. */
final class DemoStrings {
    static final String SPACE_NAME = "Steward demo";
    static final String ROOM_NAME = "Steward demo room";
    static final String WELCOME = "Hello! I am Steward. Try !ping, !status or !help.";

    private DemoStrings() {}

    static String ready(String homeserverUrl, DemoSpace space, Path dataDir, String appserviceId) {
        return """

                Steward demo is running.

                  Homeserver:  %s   (server name: localhost)
                  User:        %s
                  Password:    %s
                  Room:        "%s" (%s) in the space "%s"

                Log in from Element: open Element Web or Element Desktop, choose "Sign in", edit the homeserver to
                %s, and sign in with the user and password above. Then say !ping in "%s".
                Data (config, registration '%s', database): %s
                Press Ctrl-C to stop Steward and Synapse.
                """.formatted(homeserverUrl, space.localpart(), space.password(), ROOM_NAME, space.room(),
                SPACE_NAME, homeserverUrl, ROOM_NAME, appserviceId, dataDir);
    }
}
