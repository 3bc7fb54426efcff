package dev.steward.memory.bench;

import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.memory.Embedder;
import dev.steward.memory.Memory;
import dev.steward.memory.MemoryKind;
import dev.steward.memory.Scope;
import dev.steward.memory.Sharing;
import dev.steward.memory.bench.SyntheticMemories.Sentence;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A million memories without embedding a million texts. A few thousand sentences from {@link SyntheticMemories} are
 * embedded once with the real model (cached on disk); each memory then takes one of them, changes one slot of its
 * text, and gets a vector mixed from its sentence's (80 %) and another's (20 %) plus Gaussian noise, normalized. So
 * memories cluster around real sentence embeddings as messages on the same topics do, with a spread like that between
 * real paraphrases (cosine to their sentence of about 0.8), and a memory's words and vector agree.
 */
final class SyntheticLoad {
    static final int ROOMS = 1000;
    /** Rooms per space, for queries that see a whole space's memories. */
    static final int SPACE = 20;
    private static final double OWN_SHARE = 0.8;
    private static final double NOISE = 0.025;
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /** A query: its text, its vector made like a memory's, and the rooms it may see. */
    record Query(String text, float[] vector, Scope scope) {}

    private final long seed;
    private final List<Sentence> sentences;
    private final float[][] vectors;

    private SyntheticLoad(long seed, List<Sentence> sentences, float[][] vectors) {
        this.seed = seed;
        this.sentences = sentences;
        this.vectors = vectors;
    }

    /** The sentences of {@code seed}, embedded by {@code embedder} or read from {@code cache} when embedded before. */
    static SyntheticLoad open(long seed, int sentenceCount, Embedder embedder, Path cache) throws IOException {
        List<Sentence> sentences = SyntheticMemories.sentences(seed, sentenceCount);
        Path file = cache.resolve("sentences-" + seed + "-" + sentenceCount + ".vectors");
        float[][] vectors = Files.exists(file) ? read(file, sentenceCount, embedder.dimensions()) : null;
        if (vectors == null) {
            List<float[]> embedded = new ArrayList<>();
            for (int from = 0; from < sentenceCount; from += 32) {
                embedded.addAll(embedder.embed(sentences.subList(from, Math.min(sentenceCount, from + 32)).stream()
                        .map(Sentence::text).toList()));
            }
            vectors = embedded.toArray(float[][]::new);
            write(file, vectors);
        }
        return new SyntheticLoad(seed, sentences, vectors);
    }

    static RoomId room(int index) {
        return RoomId.of("!room" + index + ":bench.example");
    }

    /** Memory number {@code id} (from 1); the same id always gives the same memory. */
    Memory memory(long id) {
        SplittableRandom random = new SplittableRandom(seed * 31 + id);
        int own = random.nextInt(sentences.size());
        Sentence sentence = sentences.get(own).variant(random);
        return new Memory(id, room((int) (id % ROOMS)), UserId.of("@member" + random.nextInt(5000) + ":bench.example"),
                Optional.of(EventId.of("$bench" + id)), START.plusSeconds(id * 30), sentence.text(),
                MemoryKind.MESSAGE, Sharing.ROOM);
    }

    /** The vector of memory {@code id}. */
    float[] vector(long id) {
        SplittableRandom random = new SplittableRandom(seed * 31 + id);
        int own = random.nextInt(sentences.size());
        return mixed(own, random);
    }

    /**
     * Query number {@code n}: most see one room, one in four a whole space (the rooms of a space that share with
     * each other), the wider filter Steward searches with.
     */
    Query query(int n) {
        SplittableRandom random = new SplittableRandom(~seed * 17 + n);
        return query(random, random.nextInt(4) > 0 ? 1 : SPACE);
    }

    /**
     * Query number {@code n} over a tenth of the rooms or all of them: scopes wider than Steward's rooms and spaces,
     * the ones searched in the graph, for measuring how near its approximate answers are.
     */
    Query wideQuery(int n) {
        SplittableRandom random = new SplittableRandom(~seed * 19 + n);
        return query(random, n % 2 == 0 ? ROOMS / 10 : ROOMS);
    }

    private Query query(SplittableRandom random, int rooms) {
        int about = random.nextInt(sentences.size());
        String text = sentences.get(about).variant(random).text();
        float[] vector = mixed(about, random);
        int first = random.nextInt(ROOMS / rooms) * rooms;
        Set<RoomId> scope = new HashSet<>();
        for (int i = first; i < first + rooms; i++) {
            scope.add(room(i));
        }
        return new Query(text, vector, Scope.rooms(scope));
    }

    private float[] mixed(int own, SplittableRandom random) {
        float[] other = vectors[random.nextInt(vectors.length)];
        float[] base = vectors[own];
        float[] mixed = new float[base.length];
        double norm = 0;
        for (int i = 0; i < base.length; i++) {
            mixed[i] = (float) (OWN_SHARE * base[i] + (1 - OWN_SHARE) * other[i] + NOISE * random.nextGaussian());
            norm += (double) mixed[i] * mixed[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < mixed.length; i++) {
            mixed[i] *= scale;
        }
        return mixed;
    }

    private static float[][] read(Path file, int count, int dimensions) throws IOException {
        try (InputStream in = Files.newInputStream(file);
                DataInputStream data = new DataInputStream(new BufferedInputStream(in))) {
            if (data.readInt() != count || data.readInt() != dimensions) {
                return null;
            }
            float[][] vectors = new float[count][dimensions];
            for (float[] vector : vectors) {
                for (int i = 0; i < dimensions; i++) {
                    vector[i] = data.readFloat();
                }
            }
            return vectors;
        }
    }

    private static void write(Path file, float[][] vectors) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file);
                DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out))) {
            data.writeInt(vectors.length);
            data.writeInt(vectors[0].length);
            for (float[] vector : vectors) {
                for (float value : vector) {
                    data.writeFloat(value);
                }
            }
        }
    }
}
