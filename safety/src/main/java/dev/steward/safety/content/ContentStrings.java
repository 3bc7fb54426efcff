package dev.steward.safety.content;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a member reads when the content filter holds something back, in one language. The texts say that a rule
 * applied and, gently, what the message seemed to be about (the category, never the word, so the reply cannot
 * teach the list); they suit a child as much as an adult. The
 * supportive line for self-harm points to people nearby and to emergency numbers and helplines for several
 * countries, because Steward does not know where the member is.
 *
 * @param blockedRequest the reply when a member's own message is blocked
 * @param blockedAnswer the reply when the model's answer is blocked before posting
 * @param selfHarmSupport added after either reply when self-harm matched
 * @param aboutTopics the sentence naming the topics, {@code %s} standing for them ("hurting someone")
 * @param topics how each category is named in that sentence
 * @param and the word joining the last two topics
 */
public record ContentStrings(String blockedRequest, String blockedAnswer, String selfHarmSupport, String aboutTopics,
        Map<Category, String> topics, String and) {
    public static final ContentStrings ENGLISH = new ContentStrings(
            "Sorry, I can't help with that one. A rule in this space keeps some topics out of this chat. You're "
                    + "welcome to ask something else, or talk to an admin if you think this was a mistake.",
            "I wrote an answer, but a rule in this space stopped me from posting it. Try asking in a different way, "
                    + "or talk to an admin if you think this was a mistake.",
            "If you're going through something hard right now, you don't have to face it alone. Please talk to "
                    + "someone you trust, like someone in your family, a friend, a teacher or a doctor. If you might "
                    + "be in danger, call your local emergency number now (112 across Europe, 911 in the US and "
                    + "Canada, 999 in the UK, 000 in Australia). Free, confidential helplines for every country are "
                    + "listed at https://findahelpline.com, for example 988 in the US and 116 123 (Samaritans) in "
                    + "the UK and Ireland.",
            "It sounds like this is about %s.",
            topics("sexual things", "hurting yourself", "hurting someone", "putting down a group of people",
                    "drugs", "weapons", "strong language"),
            "and");

    public static final ContentStrings GERMAN = new ContentStrings(
            "Entschuldige, dabei kann ich nicht helfen. Eine Regel in diesem Raum hält manche Themen aus dem Chat "
                    + "heraus. Frag gern etwas anderes, oder sprich mit einer Person, die den Raum verwaltet, wenn "
                    + "du glaubst, dass das ein Irrtum ist.",
            "Ich habe eine Antwort geschrieben, aber eine Regel in diesem Raum hält mich davon ab, sie zu zeigen. "
                    + "Versuch es mit einer anderen Frage, oder sprich mit einer Person, die den Raum verwaltet, "
                    + "wenn du glaubst, dass das ein Irrtum ist.",
            "Wenn es dir gerade schlecht geht, musst du damit nicht allein bleiben. Bitte sprich mit jemandem, "
                    + "dem du vertraust, zum Beispiel aus deiner Familie, mit Freunden, einer Lehrerin oder einem "
                    + "Lehrer oder einer Ärztin oder einem Arzt. Wenn du in Gefahr bist, ruf sofort den Notruf an "
                    + "(112 in ganz Europa). Kostenlos und vertraulich: Telefonseelsorge in Deutschland 0800 111 0 "
                    + "111 (rund um die Uhr), Nummer gegen Kummer für Kinder und Jugendliche 116 111, in Österreich "
                    + "142, in der Schweiz 143. Hilfe in anderen Ländern findest du auf https://findahelpline.com.",
            "Es klingt, als ginge es um %s.",
            topics("sexuelle Inhalte", "Selbstverletzung", "Gewalt gegen andere", "die Abwertung von Menschengruppen",
                    "Drogen", "Waffen", "grobe Sprache"),
            "und");

    /** The texts for a language tag ({@code de}, {@code de-AT}, ...); English for anything without its own texts. */
    public static ContentStrings forLanguage(String languageTag) {
        String language = languageTag == null ? "" : Locale.forLanguageTag(languageTag).getLanguage();
        return language.equals("de") ? GERMAN : ENGLISH;
    }

    /**
     * The full reply to a blocked request or answer: the refusal, what it seemed to be about, then the supportive
     * line when self-harm matched.
     */
    public String reply(Verdict verdict, boolean answer) {
        String refusal = (answer ? blockedAnswer : blockedRequest) + " " + about(verdict.categories());
        return verdict.selfHarm() ? refusal + "\n\n" + selfHarmSupport : refusal;
    }

    /** The sentence naming the categories ("It sounds like this is about drugs and weapons."). */
    public String about(Set<Category> categories) {
        List<String> named = categories.stream().sorted().map(topics::get).toList();
        String joined = named.size() <= 1 ? String.join("", named)
                : String.join(", ", named.subList(0, named.size() - 1)) + " " + and + " " + named.getLast();
        return aboutTopics.formatted(joined);
    }

    // In the order of Category.
    private static Map<Category, String> topics(String... names) {
        Map<Category, String> topics = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            topics.put(category, names[category.ordinal()]);
        }
        return Map.copyOf(topics);
    }
}
