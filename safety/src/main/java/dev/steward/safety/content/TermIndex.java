package dev.steward.safety.content;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds compiled terms in normalised text. Whole words and words with an open end ({@code word*}) hang in one trie
 * walked once from the start of each word; words open at the start ({@code *word}, {@code *word*}) hang in a
 * second, small trie walked from every letter. Phrases are found from their first word and checked word by word.
 * Immutable once built, so it is safe for any number of threads.
 */
final class TermIndex {
    private final TermTrie anchored;
    private final TermTrie floating;

    TermIndex(List<Term> terms) {
        anchored = new TermTrie(terms.stream().filter(term -> !term.words[0].openStart).toList());
        floating = new TermTrie(terms.stream().filter(term -> term.words[0].openStart).toList());
    }

    Verdict scan(NormalizedText text, FilterLevel level) {
        Scan scan = new Scan(text.tokens(), level);
        for (Token token : text.tokens()) {
            scan.word(token, true);
        }
        for (Token joined : text.joins()) {
            scan.word(joined, false); // "ki.ll" is one word, but phrases start from real words only
        }
        return scan.verdict();
    }

    /** The state of one call: scratch buffers and what was found so far. */
    private final class Scan {
        private final List<Token> tokens;
        private final FilterLevel level;
        private final WordPattern.Scratch current = new WordPattern.Scratch();
        private final WordPattern.Scratch other = new WordPattern.Scratch();
        private List<Hit> blocks;
        private List<Hit> allows;

        Scan(List<Token> tokens, FilterLevel level) {
            this.tokens = tokens;
            this.level = level;
        }

        void word(Token token, boolean phrases) {
            for (String reading : token.variants) {
                WordPattern.Scratch text = current.load(reading);
                TermTrie.Node node = anchored.root;
                for (int j = 0; j < text.length && node != null; j++) {
                    node = node.child(text.skeleton[j]);
                    if (node != null && node.terms.length > 0) {
                        found(node.terms, token, text, 0, j + 1, phrases);
                    }
                }
                if (floating.isEmpty()) {
                    continue;
                }
                for (int i = 0; i < text.length; i++) {
                    node = floating.root;
                    for (int j = i; j < text.length && node != null; j++) {
                        node = node.child(text.skeleton[j]);
                        if (node != null && node.terms.length > 0) {
                            found(node.terms, token, text, i, j + 1, phrases);
                        }
                    }
                }
            }
        }

        private void found(Term[] terms, Token token, WordPattern.Scratch text, int from, int to, boolean phrases) {
            for (Term term : terms) {
                WordPattern first = term.words[0];
                if (!term.activeAt(level) || (!first.openEnd && to != text.length)
                        || !first.runsMatch(text.runs, from)) {
                    continue;
                }
                if (term.words.length == 1) {
                    if (!term.clauseEnd || token.clauseEnd) {
                        add(new Hit(term, token.first, token.last, token.start, token.end));
                    }
                } else if (phrases) {
                    int last = phraseEnd(term, token.first);
                    if (last >= 0) {
                        add(new Hit(term, token.first, last, token.start, tokens.get(last).end));
                    }
                }
            }
        }

        // The index of the phrase's last word when the words after the first one follow in the text, else -1.
        private int phraseEnd(Term term, int first) {
            return rest(term, 1, first + 1);
        }

        // Word k of the phrase at token pos, or up to gaps[k] words later within the same clause.
        private int rest(Term term, int k, int pos) {
            if (k == term.words.length) {
                int last = pos - 1;
                return !term.clauseEnd || tokens.get(last).clauseEnd ? last : -1;
            }
            for (int skip = 0; skip <= term.gaps[k]; skip++) {
                int at = pos + skip;
                if (at >= tokens.size() || (skip > 0 && tokens.get(at - 1).clauseEnd)
                        || (skip == 1 && tokens.get(pos - 1).clauseEnd)) {
                    return -1;
                }
                if (matches(term.words[k], tokens.get(at))) {
                    int last = rest(term, k + 1, at + 1);
                    if (last >= 0) {
                        return last;
                    }
                }
            }
            return -1;
        }

        private boolean matches(WordPattern pattern, Token token) {
            for (String reading : token.variants) {
                if (pattern.matchesWhole(other.load(reading))) {
                    return true;
                }
            }
            return false;
        }

        private void add(Hit hit) {
            List<Hit> hits;
            if (hit.term.allow()) {
                hits = allows == null ? (allows = new ArrayList<>()) : allows;
            } else {
                hits = blocks == null ? (blocks = new ArrayList<>()) : blocks;
            }
            for (Hit known : hits) {
                if (known.term.entry == hit.term.entry && known.first == hit.first && known.last == hit.last) {
                    return; // the same term through another reading or its joined form
                }
            }
            hits.add(hit);
        }

        Verdict verdict() {
            if (blocks == null) {
                return Verdict.CLEAN;
            }
            List<Verdict.Match> matches = new ArrayList<>(blocks.size());
            for (Hit block : blocks) {
                if (!allowed(block)) {
                    ListEntry.Block entry = (ListEntry.Block) block.term.entry;
                    matches.add(new Verdict.Match(entry.category(), entry.term(), block.start, block.end));
                }
            }
            return matches.isEmpty() ? Verdict.CLEAN : new Verdict(matches);
        }

        // An allowed phrase covering every word of a match lifts it: "shoot you" inside "shoot you a message".
        private boolean allowed(Hit block) {
            if (allows != null) {
                for (Hit allow : allows) {
                    if (allow.first <= block.first && allow.last >= block.last) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private record Hit(Term term, int first, int last, int start, int end) {}
}
