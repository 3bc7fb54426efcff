package dev.steward.memory;

import java.util.List;

/**
 * Turns texts into vectors whose dot product says how close their meanings are. Blocking and CPU-bound: the store
 * calls it from its own embedding thread, and for a query from the searching (worker) thread.
 */
public interface Embedder extends AutoCloseable {
    /** The length of every vector. */
    int dimensions();

    /** One unit-length vector per text, in order. */
    List<float[]> embed(List<String> texts);

    default float[] embed(String text) {
        return embed(List.of(text)).get(0);
    }

    @Override
    void close();
}
