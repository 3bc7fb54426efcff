package dev.steward.memory;

import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/**
 * A memory as a Lucene document and back. Room, sharing and id are indexed terms: the scope filters on the first two,
 * updates and deletes find a document by its id. The text is indexed for BM25.
 *
 * <p>The memory's values are kept as doc values, not stored fields, because forgetting must leave no trace: a merge
 * copies stored fields in compressed blocks, deleted documents included (Lucene skips recompressing blocks that are
 * only a little dirty), so a replaced or deleted text could live on inside another segment. Doc values, like postings
 * and vectors, are rewritten from the live documents only.
 */
final class MemoryDocuments {
    static final String ID = "id";
    static final String ROOM = "room";
    static final String AUTHOR = "author";
    static final String SOURCE_EVENT = "source_event";
    static final String CREATED_AT = "created_at";
    static final String KIND = "kind";
    static final String SHARING = "sharing";
    static final String TEXT = "text";
    static final String VECTOR = "vector";
    /** Vectors are unit length, so the dot product is the cosine and cheaper to compute. */
    static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;

    private MemoryDocuments() {}

    static Term idTerm(long id) {
        return new Term(ID, Long.toString(id));
    }

    /** The document of {@code memory}, with its vector when it has one yet ({@code null} otherwise). */
    static Document of(Memory memory, float[] vector) {
        Document document = new Document();
        document.add(new StringField(ID, Long.toString(memory.id()), Store.NO));
        document.add(new NumericDocValuesField(ID, memory.id()));
        document.add(new StringField(ROOM, memory.room().value(), Store.NO));
        document.add(sorted(ROOM, memory.room().value()));
        document.add(sorted(AUTHOR, memory.author().value()));
        memory.sourceEvent().ifPresent(event -> document.add(sorted(SOURCE_EVENT, event.value())));
        document.add(new NumericDocValuesField(CREATED_AT, ChronoUnit.MICROS.between(Instant.EPOCH,
                memory.createdAt())));
        document.add(sorted(KIND, memory.kind().name()));
        document.add(new StringField(SHARING, memory.sharing().name(), Store.NO));
        document.add(sorted(SHARING, memory.sharing().name()));
        document.add(new TextField(TEXT, memory.text(), Store.NO));
        document.add(new BinaryDocValuesField(TEXT, new BytesRef(memory.text())));
        if (vector != null) {
            document.add(new KnnFloatVectorField(VECTOR, Vectors.normalized(vector), SIMILARITY));
        }
        return document;
    }

    private static SortedDocValuesField sorted(String field, String value) {
        return new SortedDocValuesField(field, new BytesRef(value));
    }

    /** The memory of document {@code doc} of a segment. */
    static Memory read(LeafReader leaf, int doc) throws IOException {
        long micros = numeric(leaf, CREATED_AT, doc);
        return new Memory(numeric(leaf, ID, doc), RoomId.of(sorted(leaf, ROOM, doc).orElseThrow()),
                UserId.of(sorted(leaf, AUTHOR, doc).orElseThrow()), sorted(leaf, SOURCE_EVENT, doc).map(EventId::of),
                Instant.EPOCH.plus(micros, ChronoUnit.MICROS), text(leaf, doc),
                MemoryKind.valueOf(sorted(leaf, KIND, doc).orElseThrow()),
                Sharing.valueOf(sorted(leaf, SHARING, doc).orElseThrow()));
    }

    private static long numeric(LeafReader leaf, String field, int doc) throws IOException {
        NumericDocValues values = DocValues.getNumeric(leaf, field);
        if (!values.advanceExact(doc)) {
            throw new IllegalStateException("memory document " + doc + " has no " + field);
        }
        return values.longValue();
    }

    private static Optional<String> sorted(LeafReader leaf, String field, int doc) throws IOException {
        SortedDocValues values = DocValues.getSorted(leaf, field);
        return values.advanceExact(doc) ? Optional.of(values.lookupOrd(values.ordValue()).utf8ToString())
                : Optional.empty();
    }

    private static String text(LeafReader leaf, int doc) throws IOException {
        BinaryDocValues values = DocValues.getBinary(leaf, TEXT);
        if (!values.advanceExact(doc)) {
            throw new IllegalStateException("memory document " + doc + " has no text");
        }
        BytesRef bytes = values.binaryValue();
        return new String(bytes.bytes, bytes.offset, bytes.length, StandardCharsets.UTF_8);
    }
}
