package dev.steward.bot.safety;

import dev.steward.memory.Embedder;
import dev.steward.safety.content.SentenceEmbedder;

/**
 * The safety module's view of the one embedding model the process loads (memory's all-MiniLM-L6-v2): safety
 * depends on no other module, so the application hands the model over through safety's port.
 */
public final class MeaningEmbeddings implements SentenceEmbedder {
    private final Embedder embedder;

    public MeaningEmbeddings(Embedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public int dimensions() {
        return embedder.dimensions();
    }

    @Override
    public float[] embed(String text) {
        return embedder.embed(text);
    }
}
