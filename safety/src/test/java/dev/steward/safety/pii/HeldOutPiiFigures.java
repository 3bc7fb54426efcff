package dev.steward.safety.pii;

import java.io.IOException;

/**
 * The PII scanner's figures on the held-out test split, for the benchmark: the same counting as
 * {@link PiiScannerCorpusTest}, which asserts them.
 */
public record HeldOutPiiFigures(double lowestRecall, double lowestPrecision, String table) {
    public static HeldOutPiiFigures measure() throws IOException {
        PiiFigures figures = PiiFigures.of(LabelledCorpus.split("test"), new PiiScanner());
        return new HeldOutPiiFigures(figures.lowestRecall(), figures.lowestPrecision(), figures.table());
    }
}
