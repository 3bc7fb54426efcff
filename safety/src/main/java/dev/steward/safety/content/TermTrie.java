package dev.steward.safety.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The first words of compiled terms, keyed by skeleton letter by letter. Built once and never changed afterwards,
 * so any number of threads may walk it; each node keeps its children in sorted arrays for a binary search.
 */
final class TermTrie {
    private static final char[] NO_KEYS = new char[0];
    private static final Node[] NO_CHILDREN = new Node[0];
    private static final Term[] NO_TERMS = new Term[0];

    final Node root;

    TermTrie(List<Term> terms) {
        Draft draft = new Draft();
        for (Term term : terms) {
            Draft node = draft;
            for (char c : term.words[0].skeleton) {
                node = node.children.computeIfAbsent(c, key -> new Draft());
            }
            node.terms.add(term);
        }
        root = draft.freeze();
    }

    boolean isEmpty() {
        return root.keys.length == 0;
    }

    static final class Node {
        // Children indexed directly by (c - base) when their letters span at most DIRECT_SPAN, as a-z does;
        // otherwise (a rare node with letters from other scripts) by binary search over sorted keys.
        private static final int DIRECT_SPAN = 128;
        private final char[] keys;
        private final Node[] children;
        private final char base;
        private final Node[] direct;
        final Term[] terms;

        private Node(char[] keys, Node[] children, Term[] terms) {
            this.keys = keys;
            this.children = children;
            this.terms = terms;
            if (keys.length > 0 && keys[keys.length - 1] - keys[0] < DIRECT_SPAN) {
                base = keys[0];
                direct = new Node[keys[keys.length - 1] - base + 1];
                for (int i = 0; i < keys.length; i++) {
                    direct[keys[i] - base] = children[i];
                }
            } else {
                base = 0;
                direct = null;
            }
        }

        Node child(char c) {
            if (direct != null) {
                int at = c - base;
                return at >= 0 && at < direct.length ? direct[at] : null;
            }
            int at = Arrays.binarySearch(keys, c);
            return at >= 0 ? children[at] : null;
        }
    }

    private static final class Draft {
        final Map<Character, Draft> children = new TreeMap<>();
        final List<Term> terms = new ArrayList<>();

        Node freeze() {
            if (children.isEmpty()) {
                return new Node(NO_KEYS, NO_CHILDREN, terms.isEmpty() ? NO_TERMS : terms.toArray(Term[]::new));
            }
            char[] keys = new char[children.size()];
            Node[] frozen = new Node[children.size()];
            int i = 0;
            for (Map.Entry<Character, Draft> child : children.entrySet()) {
                keys[i] = child.getKey();
                frozen[i] = child.getValue().freeze();
                i++;
            }
            return new Node(keys, frozen, terms.isEmpty() ? NO_TERMS : terms.toArray(Term[]::new));
        }
    }
}
