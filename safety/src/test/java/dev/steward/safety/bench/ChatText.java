package dev.steward.safety.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Realistic chat messages for the scan benchmark: family and team chat in English, German, French and Spanish, with
 * times, dates, prices, versions and ticket numbers (which every detector must look at and reject), and now and then
 * a message with PII in it. Deterministic for a given seed, so runs compare.
 */
final class ChatText {
    private static final String[] NAMES = {"Anna", "Ben", "Lena", "Tom", "Oma", "Papa", "Claire", "Lucía", "Jonas",
        "Mia", "Pierre", "Sofía", "Max", "Emma"};

    // %1$s a name, %2$d a small number, %3$d a larger number, %4$02d:%5$02d a time.
    private static final String[] LINES = {
        "Hey %1$s, are we still on for dinner at %4$02d:%5$02d?",
        "can someone check why the deploy of api-gateway %3$d is stuck?",
        "I'll be %2$d minutes late, sorry!",
        "the latency dashboard shows p99 at %3$dms since %4$02d:%5$02d UTC",
        "Synapse 1.%2$d.0 is out, should we upgrade this weekend?",
        "Ticket #%3$d is closed, thanks %1$s",
        "Can you summarise the last %2$d messages for me?",
        "What's the capital of Australia? And how many people live there?",
        "Remind me at %4$02d:%5$02d to take the bins out",
        "Erklär mir bitte die Photosynthese in %2$d Sätzen",
        "Was gibt's heute zum Abendessen? Ich hab Hunger",
        "Termin beim Zahnarzt am %2$d.05.2025 um %4$02d:%5$02d Uhr",
        "Kannst du mir bei Mathe helfen? Aufgabe %2$d auf Seite %3$d",
        "Wir brauchen %2$d kg Mehl, 12 Eier und 500 ml Milch",
        "%1$s kommt heute später, der Zug hat %2$d Minuten Verspätung",
        "Die Rechnung Nr. 2025-%3$d ist bezahlt, danke!",
        "On se retrouve à %4$02dh%5$02d devant le cinéma ?",
        "Mon fils a %2$d ans et fait du foot le mercredi",
        "Il fait %2$d degrés à Marseille aujourd'hui",
        "Quelle est la différence entre un virus et une bactérie ?",
        "La reunión es el %2$d de marzo a las %4$02d:%5$02d",
        "¿Cuántos litros caben en %2$d garrafas de 5 litros?",
        "Mañana a las %2$d en la puerta del colegio, %1$s",
        "the invoice total is $%3$d.00, due next Friday",
        "pip install torch==2.3.1 numpy==1.26.%2$d",
        "Error 500 at /api/v1/users/%3$d/settings, any idea?",
        "Kubernetes pod steward-7d9f8c6b5-x2k4p restarted %2$d times tonight",
        "lol 😂 that's exactly what %1$s said yesterday",
        "ok 👍",
        "thanks!",
        "Can you write a short poem about autumn leaves for my grandmother's birthday card?",
        "Translate into German: the meeting is moved to Thursday afternoon",
        "How do I make my sourdough starter more active? It's been %2$d days",
        "Bitte kauf %2$d Packungen Milch und 1 Brot auf dem Heimweg",
        "See https://matrix.to/#/!OGEhHVWSdvArJzumhm:matrix.org for the room",
        "build %3$d failed on main, test FlakyIT timed out after %2$d s",
    };

    private static final String[] PII_LINES = {
        "my new email is lena.hoffmann@posteo.de",
        "call me at 0170 1234567 when you land",
        "Here's my number: (415) 555-2671",
        "IBAN für die Miete: DE89 3704 0044 0532 0130 00",
        "the server is 192.168.1.20, password: Winter2025!",
        "card 4111 1111 1111 1111 exp 12/27",
        "Wir wohnen jetzt in der Hauptstraße 12, 10115 Berlin",
        "OPENAI_API_KEY=sk-proj-odJFCrnl2edlBDdz1C5Jau2RJtBRnlWmTSHf6pWkLUyifDLk",
        "appelle-moi au 06 12 34 56 78 ce soir",
        "Mi DNI es 50939367W y mi correo lucia.fernandez@telefonica.es",
    };

    private ChatText() {}

    /** Messages of one to three lines totalling at least {@code bytes} bytes of UTF-8; about 3% hold PII. */
    static List<String> messages(long seed, long bytes) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> messages = new ArrayList<>();
        long total = 0;
        while (total < bytes) {
            int lines = 1 + (random.nextInt(10) < 7 ? 0 : random.nextInt(1, 3));
            StringBuilder message = new StringBuilder();
            for (int i = 0; i < lines; i++) {
                if (i > 0) {
                    message.append('\n');
                }
                message.append(line(random));
            }
            String text = message.toString();
            messages.add(text);
            total += text.getBytes(StandardCharsets.UTF_8).length;
        }
        return messages;
    }

    private static String line(SplittableRandom random) {
        if (random.nextInt(100) < 3) {
            return PII_LINES[random.nextInt(PII_LINES.length)];
        }
        return String.format(Locale.ROOT, LINES[random.nextInt(LINES.length)], NAMES[random.nextInt(NAMES.length)],
                random.nextInt(1, 30), random.nextInt(100, 100_000), random.nextInt(24), random.nextInt(60));
    }
}
