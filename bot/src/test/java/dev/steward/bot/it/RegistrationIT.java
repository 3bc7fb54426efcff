package dev.steward.bot.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.bot.cli.Cli;
import dev.steward.homeserver.registration.Registration;
import dev.steward.homeserver.testing.Await;
import dev.steward.homeserver.testing.SynapseExtension;
import dev.steward.homeserver.testing.TestHomeserver;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What `steward registration` prints is what the homeserver runs with: Synapse and Steward then reach each other. */
@ExtendWith(SynapseExtension.class)
class RegistrationIT {

    @Test
    void theRegistrationCommandPrintsWhatSynapseIsConfiguredWith(TestHomeserver homeserver, @TempDir Path data)
            throws Exception {
        Path config = StewardHarness.writeConfig(homeserver, data, "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), System.err)
                .run("registration", "-c", config.toString());

        assertThat(status).isZero();
        Registration printed = Registration.fromYaml(out.toString(StandardCharsets.UTF_8));
        assertThat(printed).isEqualTo(Registration.read(homeserver.registrationFile()));

        try (StewardHarness steward = StewardHarness.start(homeserver, data)) {
            Duration roundTrip = Await.result(homeserver.botClient().pingAppservice(printed.id(), "registration-it"));
            assertThat(roundTrip.isNegative()).isFalse();
        }
    }
}
