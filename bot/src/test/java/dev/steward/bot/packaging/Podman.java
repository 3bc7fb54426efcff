package dev.steward.bot.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Podman from Debian, without a daemon, running Steward's image as self-hosters would, on the host's network (the
 * test Synapse listens on the host's loopback).
 */
final class Podman {
    /** What the image runs as (see bot/src/image/base.sh). */
    static final String UID = "10001";

    private final String image;

    private Podman(String image) {
        this.image = image;
    }

    /** Loads the image tarball the build wrote. */
    static Podman load(Path tarball) throws IOException, InterruptedException {
        if (!Files.isRegularFile(tarball)) {
            throw new IllegalStateException(tarball.toAbsolutePath() + " is missing: build it with"
                    + " ./mvnw -B -Ppackages -pl bot -am package -DskipTests");
        }
        Result loaded = run(List.of("podman", "load", "-i", tarball.toString()), 300);
        String image = loaded.out().lines().filter(line -> line.startsWith("Loaded image"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst()
                .orElseThrow(() -> new IllegalStateException("podman load said: " + loaded.out() + loaded.err()));
        return new Podman(image);
    }

    /** Runs the image in the foreground until it exits. */
    Result runOnce(Path data, Map<String, String> environment) throws IOException, InterruptedException {
        return run(command(List.of("run", "--rm"), data, environment, List.of()), 120);
    }

    /** Starts it in the background as {@code name}. */
    void start(String name, Path data, Map<String, String> environment) throws IOException, InterruptedException {
        Result started = run(command(List.of("run", "-d", "--name", name), data, environment, List.of()), 120);
        if (started.status() != 0) {
            throw new IllegalStateException("podman run failed: " + started.err());
        }
    }

    static Result podman(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(List.of(args));
        return run(command, 120);
    }

    private List<String> command(List<String> verb, Path data, Map<String, String> environment, List<String> args) {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(verb);
        command.addAll(machineOptions());
        command.addAll(List.of("--network", "host", "-v", data.toAbsolutePath() + ":/data"));
        environment.forEach((key, value) -> command.addAll(List.of("-e", key + "=" + value)));
        command.add(image);
        command.addAll(args);
        return command;
    }

    /**
     * What this kind of machine needs and an ordinary one does not mind: limits no higher than the process has (a
     * machine without CAP_SYS_RESOURCE cannot raise them to podman's defaults), and runc where it is installed (crun
     * refuses a hybrid cgroup hierarchy).
     */
    private static List<String> machineOptions() {
        List<String> options = new ArrayList<>(List.of("--ulimit", "nofile=4096:4096", "--ulimit", "nproc=4096:4096"));
        if (Files.isExecutable(Path.of("/usr/bin/runc")) || Files.isExecutable(Path.of("/usr/sbin/runc"))) {
            options.addAll(0, List.of("--runtime", "runc"));
        }
        return options;
    }

    /** Gives the data folder to the image's user, as a self-hoster's {@code chown} would. */
    static void ownedByTheImage(Path data) throws IOException, InterruptedException {
        Result chown = run(List.of("chown", "-R", UID + ":" + UID, data.toString()), 1);
        if (chown.status() != 0) {
            throw new IllegalStateException("chown failed: " + chown.err());
        }
    }

    private static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("podman", ".out");
        Path err = Files.createTempFile("podman", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not end in " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** A finished command: its exit status and what it printed. */
    record Result(int status, String out, String err) {
        String all() {
            return out + err;
        }
    }
}
