package dev.steward.memory;

import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * A memory as a Lucene document and back. Every field is stored, so a search builds its hits from the index alone.
 * Room, sharing and author are untokenized terms: the room and sharing are what a search's scope filters on.
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
        document.add(new StringField(ID, Long.toString(memory.id()), Store.YES));
        // Doc values too: the check against the database at start reads every id without loading stored fields.
        document.add(new NumericDocValuesField(ID, memory.id()));
        document.add(new StringField(ROOM, memory.room().value(), Store.YES));
        document.add(new StringField(AUTHOR, memory.author().value(), Store.YES));
        memory.sourceEvent().ifPresent(event -> document.add(new StringField(SOURCE_EVENT, event.value(), Store.YES)));
        document.add(new StoredField(CREATED_AT, ChronoUnit.MICROS.between(Instant.EPOCH, memory.createdAt())));
        document.add(new StringField(KIND, memory.kind().name(), Store.YES));
        document.add(new StringField(SHARING, memory.sharing().name(), Store.YES));
        document.add(new TextField(TEXT, memory.text(), Store.YES));
        if (vector != null) {
            document.add(new KnnFloatVectorField(VECTOR, Vectors.normalized(vector), SIMILARITY));
        }
        return document;
    }

    static Memory toMemory(Document document) {
        long micros = document.getField(CREATED_AT).numericValue().longValue();
        return new Memory(Long.parseLong(document.get(ID)), RoomId.of(document.get(ROOM)),
                UserId.of(document.get(AUTHOR)), Optional.ofNullable(document.get(SOURCE_EVENT)).map(EventId::of),
                Instant.EPOCH.plus(micros, ChronoUnit.MICROS),
                document.get(TEXT), MemoryKind.valueOf(document.get(KIND)), Sharing.valueOf(document.get(SHARING)));
    }
}
