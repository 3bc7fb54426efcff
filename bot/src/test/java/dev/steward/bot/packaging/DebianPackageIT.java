package dev.steward.bot.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.bot.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The .deb the build wrote ({@code -Ppackages}), installed with apt into a fresh Debian chroot as on a self-hoster's
 * machine: the command runs, the shipped configuration is checked, the steward user owns its data folder, and the
 * unit is sandboxed like Debian's matrix-synapse.
 */
class DebianPackageIT {
    private static final Path SCRIPT = Path.of("src/deb/chroot.sh");
    private static final Path ROOT = Path.of("target/deb-test-root").toAbsolutePath();
    private static final String CONFIG = "/etc/steward/config.yaml";
    private static String installLog;

    @BeforeAll
    static void install() throws Exception {
        Path deb;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            deb = files.filter(file -> file.getFileName().toString().matches("steward_.*_all\\.deb")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/steward_*_all.deb: build it with"
                            + " ./mvnw -B -Ppackages -pl bot -am package -DskipTests"));
        }
        assertThat(run(List.of("bash", SCRIPT.toString(), "prepare", ROOT.toString())).status()).isZero();
        Result installed = run(List.of("bash", SCRIPT.toString(), "install", ROOT.toString(), deb.toString()));
        assertThat(installed.status()).as(installed.output()).isZero();
        installLog = installed.output();
    }

    @AfterAll
    static void remove() throws Exception {
        run(List.of("bash", SCRIPT.toString(), "remove", ROOT.toString()));
    }

    @Test
    void theCommandRunsAndTheShippedConfigurationNamesWhatToFill() throws Exception {
        Result version = inside("steward", "--version");
        assertThat(version.output().strip()).isEqualTo("Steward " + Version.get());

        Result shipped = inside("steward", "check-config", "-c", CONFIG);
        assertThat(shipped.status()).isEqualTo(1);
        assertThat(shipped.output()).contains("homeserver.url still holds the example's placeholder CHANGE_ME");
        assertThat(installLog).contains("edit /etc/steward/config.yaml");

        Path config = ROOT.resolve(CONFIG.substring(1));
        Files.writeString(config, Files.readString(config).replace("CHANGE_ME", "matrix"));
        Result filled = inside("runuser", "-u", "steward", "--", "steward", "check-config", "-c", CONFIG);
        assertThat(filled.status()).as(filled.output()).isZero();
        assertThat(filled.output()).contains(CONFIG + " is valid.").containsPattern("data: +/var/lib/steward");

        Result registration = inside("runuser", "-u", "steward", "--", "steward", "registration", "-c", CONFIG);
        assertThat(registration.status()).as(registration.output()).isZero();
        assertThat(inside("stat", "-c", "%U:%G %a", "/var/lib/steward/registration.yaml").output().strip())
                .isEqualTo("steward:steward 600");
    }

    @Test
    void aSystemUserOwnsTheDataFolderAndOnlyItReadsTheConfiguration() throws Exception {
        assertThat(inside("getent", "passwd", "steward").output())
                .matches("steward:x:\\d{3}:\\d+:[^:]*:/var/lib/steward:/usr/sbin/nologin\\s*");
        assertThat(inside("stat", "-c", "%U:%G %a", "/var/lib/steward").output().strip())
                .isEqualTo("steward:steward 750");
        assertThat(inside("stat", "-c", "%U:%G %a", CONFIG).output().strip()).isEqualTo("root:steward 640");
        assertThat(inside("stat", "-c", "%a", "/usr/share/steward/steward.jar").output().strip()).isEqualTo("644");
    }

    @Test
    void theUnitIsSandboxedAndReadyOnlyOnceReadyzAnswers() throws IOException {
        String unit = Files.readString(ROOT.resolve("usr/lib/systemd/system/steward.service"));

        assertThat(unit).contains("Type=exec", "User=steward",
                "ExecStart=/usr/bin/steward run -c /etc/steward/config.yaml",
                "ExecStartPost=/usr/bin/steward ready -c /etc/steward/config.yaml",
                "StandardOutput=journal", "ProtectSystem=strict", "PrivateTmp=yes", "NoNewPrivileges=yes",
                "ProtectHome=yes", "PrivateDevices=yes", "ProtectKernelTunables=yes", "StateDirectory=steward");
    }

    private static Result inside(String... command) throws IOException, InterruptedException {
        List<String> chroot = new ArrayList<>(List.of("chroot", ROOT.toString()));
        chroot.addAll(List.of(command));
        return run(chroot);
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("deb-it", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not end in 10 minutes");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private record Result(int status, String output) {}
}
