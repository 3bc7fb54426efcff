package dev.steward.memory;

/** Small vector arithmetic the index needs. */
final class Vectors {
    private Vectors() {}

    /**
     * A unit-length copy of {@code vector}. The index compares vectors by dot product, which is the cosine only for
     * unit vectors; the model's vectors are meant to be normalized already, this makes sure of it.
     */
    static float[] normalized(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += (double) v * v;
        }
        if (sum == 0) {
            throw new IllegalArgumentException("a zero vector has no direction");
        }
        float scale = (float) (1 / Math.sqrt(sum));
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = vector[i] * scale;
        }
        return unit;
    }

    static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
