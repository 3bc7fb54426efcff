package dev.steward.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.steward.bot.config.ConfigFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code steward ready}: what the image's health check and the systemd unit's start-up wait rely on. */
class ReadyCommandTest {
    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int ready(int port, String... more) {
        Path config = ConfigFiles.write(folder, ConfigFiles.VALID.replace("port: 9100", "port: " + port)
                .replace("bind_address: 0.0.0.0", "bind_address: 127.0.0.1"));
        String[] args = new String[2 + more.length + 1];
        args[0] = "ready";
        args[1] = "-c";
        args[2] = config.toString();
        System.arraycopy(more, 0, args, 3, more.length);
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        return new Cli(print, print).run(args);
    }

    @Test
    void readyOnlyOnceReadyzAnswers200AndWaitsForIt() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/readyz", exchange -> {
            boolean ready = asked.incrementAndGet() >= 3;
            byte[] body = (ready ? "{\"status\":\"ready\"}" : "{\"status\":\"not ready\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(ready ? 200 : 503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            assertThat(ready(port)).as("asked once: not ready yet").isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("not ready at http://127.0.0.1:" + port)
                    .contains("503");

            assertThat(ready(port, "--wait", "30")).isZero();
            assertThat(asked.get()).isEqualTo(3);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("{\"status\":\"ready\"}");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void nothingListeningIsNotReady() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        assertThat(ready(port, "--wait", "1")).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("not ready").contains("no answer");
    }
}
