package dev.steward.memory;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * all-MiniLM-L6-v2 (quantized), run in process by ONNX Runtime: 384 dimensions, no network, no model download (the
 * weights are in the jar). LangChain4j embeds a text longer than 510 word pieces in parts and averages them.
 */
public final class MiniLmEmbedder implements Embedder {
    public static final int DIMENSIONS = 384;

    static {
        // The tokenizer's library (DJL) would otherwise ask the cloud metadata address whether it runs on EC2, to
        // report its use: nothing is to leave the machine, and the question costs start-up time.
        if (System.getProperty("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
    }

    private final ExecutorService threads;
    private final AllMiniLmL6V2QuantizedEmbeddingModel model;

    /** Embeds a batch on as many threads as there are cores. */
    public MiniLmEmbedder() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public MiniLmEmbedder(int threads) {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "steward-memory-embed-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.threads = Executors.newFixedThreadPool(threads, factory);
        // The model embeds the texts of one call in parallel on this executor (one task per text).
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel(this.threads);
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model.embedAll(segments).content().stream().map(Embedding::vector).toList();
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
