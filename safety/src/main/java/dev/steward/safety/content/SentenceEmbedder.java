package dev.steward.safety.content;

/**
 * The port through which the meaning classifier sees a text as a vector. Safety holds no model of its own: the
 * application passes in the sentence embedding model it already runs (all-MiniLM-L6-v2, loaded once per process),
 * and the build passes in the same model to train the classifier. Both sides must use the same model, or the
 * trained weights mean nothing.
 */
public interface SentenceEmbedder {
    /** The length of every vector; the trained model records the one it was trained with. */
    int dimensions();

    /** One unit-length vector for {@code text}. Blocking and CPU-bound: call it from a worker thread. */
    float[] embed(String text);
}
