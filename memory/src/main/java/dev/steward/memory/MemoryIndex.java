package dev.steward.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues.DocIndexIterator;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.KeepOnlyLastCommitDeletionPolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SnapshotDeletionPolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;

/**
 * The Lucene half of the memory: one index on disk with each memory's words (BM25) and, once embedded, its vector
 * (an HNSW graph over 8-bit quantized vectors, the full vectors kept beside them for rescoring). {@link MemoryStore}
 * keeps it in step with the database; it is public for the benchmarks, which load it directly.
 *
 * <p>Changes are visible to the next search (the reader is refreshed when something changed) and durable at the next
 * {@link #commit()}: the database is the source of truth and the store re-indexes what a crash lost.
 */
public final class MemoryIndex implements AutoCloseable {
    private static final int MAX_PURGE_PASSES = 5;

    private final Directory directory;
    private final Analyzer analyzer;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ConcurrentMergeScheduler merges;
    // Keeps a commit's files on disk while a backup copies them, however the writer merges meanwhile.
    private final SnapshotDeletionPolicy snapshots;
    // Writes made, and writes the current searcher sees: a search refreshes the searcher when they differ, so it
    // always sees every write that finished before it began.
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong visible = new AtomicLong();

    private MemoryIndex(Directory directory, Analyzer analyzer, IndexWriter writer, ConcurrentMergeScheduler merges,
            SnapshotDeletionPolicy snapshots) throws IOException {
        this.snapshots = snapshots;
        this.directory = directory;
        this.analyzer = analyzer;
        this.writer = writer;
        this.merges = merges;
        this.searchers = new SearcherManager(writer, null);
    }

    public static MemoryIndex open(Path dir, IndexTuning tuning) {
        try {
            Directory directory = FSDirectory.open(dir);
            // English stemming and stop words: "meetings" finds "meeting". Memories in other languages are still
            // found by their exact words, and by meaning through the vectors.
            Analyzer analyzer = new EnglishAnalyzer();
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setCodec(codec(tuning))
                    .setRAMBufferSizeMB(tuning.ramBufferMb())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setCommitOnClose(true);
            TieredMergePolicy policy = new TieredMergePolicy();
            // A forgotten memory's words stay in its segment until that segment is rewritten: purge() asks for every
            // segment holding a deletion to be merged, not only those past the default share of 10 %.
            policy.setForceMergeDeletesPctAllowed(0);
            ConcurrentMergeScheduler merges = new ConcurrentMergeScheduler();
            SnapshotDeletionPolicy snapshots = new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy());
            config.setMergePolicy(policy).setMergeScheduler(merges).setIndexDeletionPolicy(snapshots);
            return new MemoryIndex(directory, analyzer, new IndexWriter(directory, config), merges, snapshots);
        } catch (IOException e) {
            throw new UncheckedIOException("opening the memory index at " + dir + " failed", e);
        }
    }

    // The codec's name goes into each segment and the vector format's name into the field, both found again by
    // name when reading, so the index opens with the stock codec; the parameters only shape what is written.
    private static Lucene104Codec codec(IndexTuning tuning) {
        KnnVectorsFormat vectors = new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.UNSIGNED_BYTE,
                16, 100, tuning.mergeWorkers(), tuning.mergeExecutor());
        return new Lucene104Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return vectors;
            }
        };
    }

    Analyzer analyzer() {
        return analyzer;
    }

    /** Adds or replaces the memory's document; {@code vector} is null until the memory is embedded. */
    public void put(Memory memory, float[] vector) {
        write(() -> writer.updateDocument(MemoryDocuments.idTerm(memory.id()), MemoryDocuments.of(memory, vector)));
    }

    /** Adds a memory known not to be in the index yet (a bulk load); cheaper than {@link #put}. */
    public void add(Memory memory, float[] vector) {
        write(() -> writer.addDocument(MemoryDocuments.of(memory, vector)));
    }

    void delete(Collection<Long> ids) {
        write(() -> writer.deleteDocuments(ids.stream().map(MemoryDocuments::idTerm).toArray(Term[]::new)));
    }

    /**
     * Makes deletions final on disk: every segment holding a deleted document is rewritten without it and the old
     * files are removed, so a forgotten text is in no index file afterwards. It rewrites whole segments, which costs
     * in proportion to their size; memories are forgotten rarely.
     */
    void purge() {
        write(() -> {
            // forceMergeDeletes waits only for the merges it starts itself: a segment some other merge was already
            // rewriting is left to that merge, which may have begun before the deletion and carry it on into its
            // result. So wait for every merge, and go again while any segment still holds a deleted document.
            for (int pass = 0; pass < MAX_PURGE_PASSES && hasDeletions(); pass++) {
                writer.forceMergeDeletes(true);
                merges.sync();
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
            // Files the refreshed reader no longer holds are removed now rather than at the next commit.
            writer.deleteUnusedFiles();
            return 0;
        });
    }

    private boolean hasDeletions() throws IOException {
        writer.flush();
        IndexWriter.DocStats stats = writer.getDocStats();
        return stats.maxDoc > stats.numDocs;
    }

    public void commit() {
        write(writer::commit);
    }

    /**
     * Commits and holds that commit point: its files stay on disk, however the writer goes on, until
     * {@link #copyAndRelease} has copied them.
     */
    IndexCommit snapshot() {
        try {
            writer.commit();
            written.incrementAndGet();
            return snapshots.snapshot();
        } catch (IOException e) {
            throw new UncheckedIOException("taking a snapshot of the memory index failed", e);
        }
    }

    /** Copies a snapshot's files into {@code target}, then lets the writer delete them again. */
    void copyAndRelease(IndexCommit commit, Path target) {
        try {
            copyCommit(commit, directory, target);
        } finally {
            try {
                snapshots.release(commit);
                writer.deleteUnusedFiles();
            } catch (IOException e) {
                throw new UncheckedIOException("releasing the memory index snapshot failed", e);
            }
        }
    }

    /**
     * Copies the last commit of the index in {@code indexDir} into {@code target}, for a backup while no writer has it
     * open (Steward stopped); an index with no commit yet copies nothing.
     */
    public static void copyLastCommit(Path indexDir, Path target) {
        if (!Files.isDirectory(indexDir)) {
            return;
        }
        try (Directory directory = FSDirectory.open(indexDir)) {
            if (!DirectoryReader.indexExists(directory)) {
                return;
            }
            SegmentInfos last = SegmentInfos.readLatestCommit(directory);
            copyFiles(last.files(true), indexDir, target);
        } catch (IOException e) {
            throw new UncheckedIOException("copying the memory index at " + indexDir + " failed", e);
        }
    }

    private static void copyCommit(IndexCommit commit, Directory directory, Path target) {
        try {
            Path source = ((FSDirectory) directory).getDirectory();
            copyFiles(commit.getFileNames(), source, target);
        } catch (IOException e) {
            throw new UncheckedIOException("copying the memory index failed", e);
        }
    }

    private static void copyFiles(Collection<String> names, Path source, Path target) throws IOException {
        Files.createDirectories(target);
        for (String name : names) {
            Files.copy(source.resolve(name), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Every indexed memory id, and whether its document holds a vector. */
    Map<Long, Boolean> contents() {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            Map<Long, Boolean> contents = new HashMap<>();
            for (LeafReaderContext leaf : reader.leaves()) {
                readLeaf(leaf.reader(), contents);
            }
            return contents;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the memory index failed", e);
        }
    }

    private static void readLeaf(LeafReader leaf, Map<Long, Boolean> into) throws IOException {
        Bits live = leaf.getLiveDocs();
        boolean[] hasVector = new boolean[leaf.maxDoc()];
        FloatVectorValues vectors = leaf.getFloatVectorValues(MemoryDocuments.VECTOR);
        if (vectors != null) {
            DocIndexIterator docs = vectors.iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                hasVector[doc] = true;
            }
        }
        NumericDocValues ids = leaf.getNumericDocValues(MemoryDocuments.ID);
        if (ids == null) {
            return;
        }
        for (int doc = ids.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ids.nextDoc()) {
            if (live == null || live.get(doc)) {
                into.put(ids.longValue(), hasVector[doc]);
            }
        }
    }

    /** A searcher that sees every change made so far; give it back with {@link #release}. */
    IndexSearcher acquire() throws IOException {
        long wanted = written.get();
        if (visible.get() < wanted) {
            // Blocks while another thread refreshes, then refreshes again: the result includes every earlier write.
            searchers.maybeRefreshBlocking();
            visible.accumulateAndGet(wanted, Math::max);
        }
        return searchers.acquire();
    }

    void release(IndexSearcher searcher) throws IOException {
        searchers.release(searcher);
    }

    @FunctionalInterface
    private interface IndexWrite {
        long run() throws IOException;
    }

    private void write(IndexWrite write) {
        try {
            write.run();
            written.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the memory index failed", e);
        }
    }

    @Override
    public void close() {
        try (directory; analyzer; writer; searchers) {
            // Closing the writer commits what is buffered.
        } catch (IOException e) {
            throw new UncheckedIOException("closing the memory index failed", e);
        }
    }
}
