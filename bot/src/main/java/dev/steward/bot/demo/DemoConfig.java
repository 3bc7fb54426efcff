package dev.steward.bot.demo;

import dev.steward.bot.cli.DemoOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The demo's config.yaml: its local Synapse, the family's roles, and the model it found. */
final class DemoConfig {
    static final String FIRST_LINE = "# Written by 'steward demo' for its local Synapse;";
    static final String SERVER = "localhost";

    private DemoConfig() {}

    static Path write(DemoOptions options, Optional<DemoModel> model) throws IOException {
        Path file = options.dataDir().resolve("config.yaml");
        Files.writeString(file, """
                %s edit freely, it is rewritten on the next demo.
                data_dir: .
                homeserver:
                  url: http://127.0.0.1:%d
                  server_name: %s
                appservice:
                  port: %d
                  url: http://127.0.0.1:%d
                invites:
                  allow: ["@*:%s"]
                safety:
                  members:
                    "@%s:%s": admin
                    "@%s:%s": child
                  roles:
                    child:
                      # The shipped child role is quiet from 21:00 to 07:00; the demo can be tried at any hour.
                      quiet_hours: "off"
                %s""".formatted(FIRST_LINE, options.synapsePort(), SERVER, options.stewardPort(),
                options.stewardPort(), SERVER, DemoSeeder.PARENT, SERVER, DemoSeeder.CHILD, SERVER,
                model.map(DemoModel::yaml).orElse("")));
        return file;
    }

    /** Whether a folder is one the demo made (so that --reset may remove it). */
    static boolean madeByTheDemo(Path dataDir) throws IOException {
        Path file = dataDir.resolve("config.yaml");
        return Files.isRegularFile(file) && Files.readString(file).startsWith(FIRST_LINE);
    }
}
