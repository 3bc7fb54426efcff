package dev.steward.safety.bench;

import dev.steward.safety.content.FilterLevel;
import dev.steward.safety.content.MeaningClassifier;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The meaning classifier's cost per request, embedding included: the bundled model over all-MiniLM-L6-v2 reads one
 * chat message at a time on one thread, with an ONNX Runtime session of one thread ({@link OneThreadMiniLm}).
 * {@link SafetyScanBenchmark} starts it as its own process pinned to one core ({@code taskset -c 0}). Prints
 * {@code p50 <ms> p99 <ms>} as its last line.
 */
public final class ClassifyLatency {
    private static final int WARM_UP = 300;
    private static final int MEASURED = 2_000;

    private ClassifyLatency() {}

    public static void main(String[] args) {
        MeaningClassifier classifier = MeaningClassifier.bundled(new OneThreadMiniLm().sentences());
        List<String> messages = ChatText.messages(20261204L, 512 * 1024);
        for (int i = 0; i < WARM_UP; i++) {
            classifier.read(messages.get(i % messages.size()), FilterLevel.STRICT);
        }
        double[] millis = new double[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            String message = messages.get((WARM_UP + i) % messages.size());
            long start = System.nanoTime();
            classifier.read(message, FilterLevel.STRICT);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "p50 %.2f p99 %.2f%n", millis[MEASURED / 2], millis[MEASURED * 99 / 100]);
    }
}
