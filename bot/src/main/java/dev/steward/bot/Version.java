package dev.steward.bot;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Steward's version, as Maven stamped it into the jar. */
public final class Version {
    private static final String VALUE = read();

    private Version() {}

    public static String get() {
        return VALUE;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("/steward-version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
