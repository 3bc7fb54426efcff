package dev.steward.memory.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Chat-like memory texts made from a vocabulary, for loads too large to write by hand: "Grandma booked the dentist
 * for the kids before the school trip". Each text is a template with slots; the same seed gives the same texts.
 */
final class SyntheticMemories {
    private static final String[] WHO = {"Alice", "Bob", "Grandma", "Grandpa", "Uncle Tom", "Aunt Mary", "The kids",
        "Mia", "Leo", "Claire", "The neighbour", "The landlord", "Sam", "Priya", "Jonas", "The plumber", "Dad", "Mum",
        "The on-call engineer", "The team lead", "Omar", "Ines", "Yuki", "The treasurer", "Our coach"};
    private static final String[] DID = {"booked", "cancelled", "moved", "paid", "fixed", "ordered", "returned",
        "borrowed", "lent", "cleaned", "painted", "repaired", "renewed", "rescheduled", "forgot", "found", "lost",
        "planned", "signed up for", "picked up", "dropped off", "checked", "replaced", "upgraded", "restarted",
        "rolled back", "deployed", "reviewed", "shared", "printed"};
    private static final String[] WHAT = {"the dentist appointment", "the car insurance", "the holiday flat",
        "the electricity bill", "the birthday cake", "the school trip form", "the garden hose", "the drill",
        "the ladder", "the bike lock", "the spare key", "the wifi router", "the boiler service", "the train tickets",
        "the library books", "the parking permit", "the vet visit", "the piano lesson", "the football kit",
        "the swimming course", "the database backup", "the TLS certificate", "the staging cluster",
        "the release notes", "the on-call rota", "the monitoring alert", "the disk quota", "the DNS record",
        "the VPN config", "the build cache", "the book club list", "the reading for March", "the street party",
        "the recycling bins", "the shared lawnmower", "the hedge trimming", "the rent payment", "the gas meter",
        "the passport renewal", "the tax return", "the doctor's letter", "the glasses", "the winter tyres",
        "the roof gutter", "the window cleaner", "the babysitter", "the grocery order", "the sourdough starter",
        "the climbing shoes", "the tent"};
    private static final String[] WHEN = {"on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday",
        "on Saturday", "on Sunday", "last weekend", "next week", "before Easter", "after the summer holidays",
        "in the morning", "after dinner", "at noon", "before the school trip", "after the release",
        "during the outage", "at the end of the month", "in March", "in October", "yesterday", "tomorrow"};
    private static final String[] EXTRA = {"", "", "", " and it cost 40 euros", " because it was broken",
        " so we do not have to", " and the receipt is in the drawer", " with the code 4417",
        " and Bob has the details", " see the email from the bank", " and it worked", " but it still fails",
        " which took two hours", " for the second time", " at the shop on Elm Street", " via the website"};

    private static final String[][] SLOTS = {WHO, DID, WHAT, WHEN, EXTRA};

    private SyntheticMemories() {}

    /** A text as the word chosen for each slot. */
    record Sentence(int[] words) {
        String text() {
            StringBuilder text = new StringBuilder();
            for (int slot = 0; slot < SLOTS.length; slot++) {
                String word = SLOTS[slot][words[slot]];
                if (!word.isEmpty() && slot > 0 && slot < SLOTS.length - 1) {
                    text.append(' ');
                }
                text.append(word);
            }
            return text.toString();
        }

        /** The same sentence with one slot chosen again, as another message about nearly the same thing. */
        Sentence variant(SplittableRandom random) {
            int[] changed = words.clone();
            int slot = random.nextInt(SLOTS.length);
            changed[slot] = random.nextInt(SLOTS[slot].length);
            return new Sentence(changed);
        }
    }

    static Sentence sentence(SplittableRandom random) {
        int[] words = new int[SLOTS.length];
        for (int slot = 0; slot < SLOTS.length; slot++) {
            words[slot] = random.nextInt(SLOTS[slot].length);
        }
        return new Sentence(words);
    }

    static List<Sentence> sentences(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Sentence> sentences = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sentences.add(sentence(random));
        }
        return sentences;
    }
}
