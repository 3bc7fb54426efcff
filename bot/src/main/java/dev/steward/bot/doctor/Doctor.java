package dev.steward.bot.doctor;

import dev.steward.bot.config.StewardConfig;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code steward doctor -c FILE}: checks what Steward needs around it, one line each, and says what to fix: the
 * homeserver URL, the tokens, the registration Synapse loaded (appservice ping), the local Steward, every model's
 * provider, and the data folder's disk.
 */
public final class Doctor {
    private final PrintStream out;

    public Doctor(PrintStream out) {
        this.out = out;
    }

    /** Prints the findings; true when none is a failure. */
    public boolean run(StewardConfig config) throws Exception {
        List<Finding> findings = new ArrayList<>();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            findings.addAll(new MatrixChecks(config, http).run());
            findings.add(StewardCheck.run(config, http));
        }
        findings.addAll(ProviderChecks.run(config));
        findings.add(DiskCheck.run(config.dataDir()));
        findings.forEach(this::print);
        long failures = findings.stream().filter(finding -> finding.level() == Finding.Level.FAIL).count();
        long warnings = findings.stream().filter(finding -> finding.level() == Finding.Level.WARN).count();
        out.println(failures == 0 && warnings == 0 ? "Everything Steward needs answers."
                : failures + " to fix, " + warnings + " to look at.");
        return failures == 0;
    }

    private void print(Finding finding) {
        String mark = switch (finding.level()) {
            case OK -> "ok  ";
            case WARN -> "WARN";
            case FAIL -> "FAIL";
        };
        out.printf("%s  %-17s %s%n", mark, finding.subject(), finding.seen());
        finding.fix().ifPresent(fix -> out.printf("      %-17s fix: %s%n", "", fix));
    }
}
