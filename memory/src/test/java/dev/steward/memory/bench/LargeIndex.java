package dev.steward.memory.bench;

import dev.steward.memory.IndexTuning;
import dev.steward.memory.MemoryIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The benchmark's large index, built once and kept under {@code target/} (a marker file names what it holds), so
 * that a second run only measures. Built with as many indexing threads as cores and a large buffer: a bulk load, not
 * Steward's one-at-a-time adds, but the same codec and fields.
 */
final class LargeIndex {
    private static final int THREADS = Runtime.getRuntime().availableProcessors();
    private static final double RAM_BUFFER_MB = 512;

    private LargeIndex() {}

    /** The index of {@code count} memories of {@code load}, from {@code dir} when built before. */
    static MemoryIndex open(Path dir, SyntheticLoad load, long count, String description) throws Exception {
        Path marker = dir.resolve("built.txt");
        if (Files.exists(marker) && Files.readString(marker).equals(description)) {
            System.out.println("memory bench: reusing the index in " + dir);
            return MemoryIndex.open(dir, IndexTuning.DEFAULT);
        }
        deleteRecursively(dir);
        Files.createDirectories(dir);
        ExecutorService mergeThreads = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        try (MemoryIndex index = MemoryIndex.open(dir, new IndexTuning(RAM_BUFFER_MB, THREADS, mergeThreads))) {
            ExecutorService writers = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> parts = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                long first = thread + 1;
                parts.add(writers.submit(() -> {
                    for (long id = first; id <= count; id += THREADS) {
                        index.add(load.memory(id), load.vector(id));
                        if (id % 100_000 < THREADS) {
                            System.out.printf("memory bench: %d memories indexed after %.0f s%n", id,
                                    (System.nanoTime() - start) / 1e9);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
            writers.shutdown();
            index.commit();
        } finally {
            mergeThreads.shutdown();
        }
        System.out.printf("memory bench: built the index of %d memories in %.0f s%n", count,
                (System.nanoTime() - start) / 1e9);
        Files.writeString(marker, description);
        return MemoryIndex.open(dir, IndexTuning.DEFAULT);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
