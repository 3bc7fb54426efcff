package dev.steward.memory;

import java.util.concurrent.ExecutorService;

/**
 * How the index is written: the memory buffered before a segment is flushed, and how many threads build the vector
 * graph of a merged segment. The defaults suit Steward (memories arrive one by one); a bulk load wants more of both.
 *
 * @param mergeExecutor runs the extra graph builders when {@code mergeWorkers} is above one (null otherwise)
 */
public record IndexTuning(double ramBufferMb, int mergeWorkers, ExecutorService mergeExecutor) {
    public static final IndexTuning DEFAULT = new IndexTuning(16, 1, null);

    public IndexTuning {
        if (mergeWorkers > 1 && mergeExecutor == null) {
            throw new IllegalArgumentException("more than one merge worker needs an executor");
        }
    }
}
