package dev.steward.safety.content;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * The embedding model the application passes in at run time (all-MiniLM-L6-v2, quantized), for the build's training
 * step and the tests. Loaded once per JVM: {@link #INSTANCE}.
 */
public final class MiniLmForTests implements SentenceEmbedder {
    public static final MiniLmForTests INSTANCE = new MiniLmForTests();

    private final AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();

    private MiniLmForTests() {}

    @Override
    public int dimensions() {
        return 384;
    }

    @Override
    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }
}
