package dev.steward.bot.demo;

import dev.steward.bot.cli.DemoOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The demo's config.yaml: its local Synapse, the family's roles, the model it found, and encryption on (Element
 * encrypts a new direct chat by default, so the demo must read encrypted rooms).
 */
final class DemoConfig {
    static final String FIRST_LINE = "# Written by 'steward demo' for its local Synapse;";
    static final String SERVER = "localhost";
    /** Kept beside the config, which is rewritten each run: a new key would leave the sealed key store unreadable. */
    static final String STORE_KEY_FILE = "e2ee-store-key";

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
                encryption:
                  store_key: "%s"
                %s""".formatted(FIRST_LINE, options.synapsePort(), SERVER, options.stewardPort(),
                options.stewardPort(), SERVER, DemoSeeder.PARENT, SERVER, DemoSeeder.CHILD, SERVER,
                storeKey(options.dataDir()), model.map(DemoModel::yaml).orElse("")));
        return file;
    }

    private static String storeKey(Path dataDir) throws IOException {
        Path file = dataDir.resolve(STORE_KEY_FILE);
        if (Files.isRegularFile(file)) {
            return Files.readString(file).strip();
        }
        byte[] key = new byte[24];
        new SecureRandom().nextBytes(key);
        String hex = HexFormat.of().formatHex(key);
        Files.writeString(file, hex + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return hex;
    }

    /** Whether a folder is one the demo made (so that --reset may remove it). */
    static boolean madeByTheDemo(Path dataDir) throws IOException {
        Path file = dataDir.resolve("config.yaml");
        return Files.isRegularFile(file) && Files.readString(file).startsWith(FIRST_LINE);
    }
}
