package dev.steward.memory;

import static dev.steward.memory.TestStore.ALICE;
import static dev.steward.memory.TestStore.KITCHEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A forgotten memory leaves no trace in the index files, and none the database returns. H2 writes pages copy-on-write,
 * so the database file keeps the bytes of a deleted row until it is compacted: the last test shows that compacting
 * ({@code SHUTDOWN COMPACT}, for whoever owns the database to run when Steward stops) removes them.
 */
class ForgettingTest {
    private static final String SECRET = "Quokkaberry vault combination is 7319-Zanzibar";
    private static final List<String> TRACES = List.of(SECRET, "Quokkaberry", "quokkaberri", "7319", "zanzibar");

    @TempDir
    Path dir;

    @Test
    void aForgottenTextIsInNoIndexFile() throws Exception {
        try (TestStore memories = new TestStore(dir)) {
            for (int i = 0; i < 40; i++) {
                memories.remember(KITCHEN, ALICE, "An ordinary note about the house, number " + i);
            }
            Memory secret = memories.remember(KITCHEN, ALICE, SECRET);
            memories.awaitEmbedded();
            assertThat(filesContaining(memories.indexDir(), SECRET)).as("the scan sees the text while it is stored")
                    .isNotEmpty();
            assertThat(filesContaining(memories.indexDir(), "quokkaberri")).as("and its indexed word").isNotEmpty();

            assertThat(memories.store.delete(secret.id())).isTrue();

            for (String trace : TRACES) {
                assertThat(filesContaining(memories.indexDir(), trace)).as(trace).isEmpty();
            }
            assertThat(memories.store.searchBm25("quokkaberry zanzibar", Set.of(KITCHEN), 5)).isEmpty();
            assertThat(memories.store.counts(KITCHEN).total()).isEqualTo(40);
        }
    }

    @Test
    void theDatabaseReturnsNothingOfAForgottenText() throws Exception {
        try (TestStore memories = new TestStore(dir)) {
            Memory secret = memories.remember(KITCHEN, ALICE, SECRET);
            memories.awaitEmbedded();

            memories.store.delete(secret.id());

            try (Connection connection = memories.pool.getConnection();
                    PreparedStatement select = connection.prepareStatement(
                            "SELECT COUNT(*) FROM memories WHERE text LIKE ? OR id = ?")) {
                select.setString(1, "%Quokkaberry%");
                select.setLong(2, secret.id());
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    assertThat(row.getLong(1)).isZero();
                }
            }
            assertThat(memories.store.get(secret.id())).isEmpty();
        }
    }

    @Test
    void aCompactedDatabaseFileHoldsNoTraceOfAForgottenText() throws Exception {
        try (TestStore memories = new TestStore(dir)) {
            memories.remember(KITCHEN, ALICE, "The bins go out on Monday");
            Memory secret = memories.remember(KITCHEN, ALICE, SECRET);
            memories.awaitEmbedded();
            memories.store.delete(secret.id());
            memories.store.close();
            try (Connection connection = memories.pool.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN COMPACT");
            }
        }

        for (String trace : TRACES) {
            assertThat(filesContaining(dir, trace)).as(trace).isEmpty();
        }
        try (TestStore reopened = new TestStore(dir)) {
            assertThat(reopened.store.counts(KITCHEN).total()).as("the rest is still there").isEqualTo(1);
        }
    }

    static List<Path> filesContaining(Path dir, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(file -> contains(read(file), needle)).toList();
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
