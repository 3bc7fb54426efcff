package dev.steward.safety.content;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The trained weights of the meaning classifier: one logistic model per filter level and category over the
 * sentence embedding ({@link MeaningFeatures}), each with two thresholds chosen on the validation split at build time. A score at or
 * above {@code blockAt} blocks; one between {@code unsureAt} and {@code blockAt} is unsure, and is what a moderation
 * model, where one is configured, is asked about. Immutable; the file is written by the build (see
 * {@code MeaningTraining} in the tests) and read once per process.
 */
final class MeaningModel {
    private static final int MAGIC = 0x5354_4d32; // "STM2"
    static final List<FilterLevel> LEVELS = List.of(FilterLevel.STANDARD, FilterLevel.STRICT);

    /** One category's logistic model at one level. */
    record Linear(float bias, float[] weights, float blockAt, float unsureAt) {
        double score(MeaningFeatures features) {
            double z = bias;
            float[] vector = features.vector();
            for (int i = 0; i < vector.length; i++) {
                z += weights[i] * vector[i];
            }
            return z;
        }
    }

    private final int dimensions;
    private final Map<FilterLevel, Map<Category, Linear>> models;

    MeaningModel(int dimensions, Map<FilterLevel, Map<Category, Linear>> models) {
        this.dimensions = dimensions;
        this.models = models;
    }

    int dimensions() {
        return dimensions;
    }

    /** The models checked at {@code level}: the categories that level includes. */
    Map<Category, Linear> at(FilterLevel level) {
        return models.getOrDefault(level, Map.of());
    }

    void write(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(MAGIC);
        data.writeInt(dimensions);
        data.writeInt(models.size());
        for (Map.Entry<FilterLevel, Map<Category, Linear>> level : models.entrySet()) {
            data.writeUTF(level.getKey().key());
            data.writeInt(level.getValue().size());
            for (Map.Entry<Category, Linear> entry : level.getValue().entrySet()) {
                Linear linear = entry.getValue();
                data.writeUTF(entry.getKey().key());
                data.writeFloat(linear.bias());
                data.writeFloat(linear.blockAt());
                data.writeFloat(linear.unsureAt());
                for (float weight : linear.weights()) {
                    data.writeFloat(weight);
                }
            }
        }
        data.flush();
    }

    static MeaningModel read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != MAGIC) {
            throw new IOException("not a meaning model file");
        }
        int dimensions = data.readInt();
        Map<FilterLevel, Map<Category, Linear>> models = new EnumMap<>(FilterLevel.class);
        int levels = data.readInt();
        for (int l = 0; l < levels; l++) {
            FilterLevel level = FilterLevel.fromKey(data.readUTF());
            Map<Category, Linear> byCategory = new EnumMap<>(Category.class);
            int categories = data.readInt();
            for (int c = 0; c < categories; c++) {
                Category category = Category.fromKey(data.readUTF());
                float bias = data.readFloat();
                float blockAt = data.readFloat();
                float unsureAt = data.readFloat();
                float[] weights = new float[dimensions];
                for (int i = 0; i < dimensions; i++) {
                    weights[i] = data.readFloat();
                }
                byCategory.put(category, new Linear(bias, weights, blockAt, unsureAt));
            }
            models.put(level, byCategory);
        }
        return new MeaningModel(dimensions, models);
    }
}
