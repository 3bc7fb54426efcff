package dev.steward.memory;

import dev.steward.homeserver.id.RoomId;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * A {@link Scope} as a Lucene filter. It is given to the searches themselves (a FILTER clause of the word query, the
 * filter of the vector query), so the top results are the best within the scope; filtering the results afterwards
 * would return fewer, or none, when other rooms hold closer matches.
 */
final class ScopeFilter {
    private ScopeFilter() {}

    static Query of(Scope scope) {
        BooleanQuery.Builder either = new BooleanQuery.Builder();
        if (!scope.rooms().isEmpty()) {
            either.add(rooms(scope.rooms()), Occur.SHOULD);
        }
        if (!scope.sharedFrom().isEmpty()) {
            either.add(new BooleanQuery.Builder()
                    .add(rooms(scope.sharedFrom()), Occur.FILTER)
                    .add(new TermQuery(new Term(MemoryDocuments.SHARING, Sharing.SPACE.name())), Occur.FILTER)
                    .build(), Occur.SHOULD);
        }
        return new ConstantScoreQuery(either.setMinimumNumberShouldMatch(1).build());
    }

    private static Query rooms(Collection<RoomId> rooms) {
        List<BytesRef> terms = rooms.stream().map(room -> new BytesRef(room.value())).toList();
        return new TermInSetQuery(MemoryDocuments.ROOM, terms);
    }
}
