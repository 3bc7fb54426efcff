package dev.steward.bot.config;

import dev.steward.bot.gateway.ModelEntry;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a model configured {@code local: true} can be believed: sensitive content goes only to local models, so
 * the word must mean a server on this machine or the family's private network. A hosted provider never is one; an
 * OpenAI-compatible or Ollama server is, when its address is loopback, a private or link-local range, or a name only a
 * private network resolves (one label, as a compose service; {@code .local}, {@code .lan}, {@code .internal},
 * {@code .home.arpa}). Anything else needs {@code trusted_remote: true}, said on purpose. Names are judged as written,
 * never looked up: what DNS says today may change tomorrow.
 */
final class LocalEndpoints {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final String[] PRIVATE_SUFFIXES = {".local", ".lan", ".internal", ".home.arpa", ".localhost"};

    private LocalEndpoints() {}

    /** Why {@code local: true} is refused for this entry, or empty when it may stand. */
    static Optional<String> refusal(String path, ModelEntry.Provider provider, Optional<String> baseUrl,
            boolean trustedRemote) {
        if (provider == ModelEntry.Provider.ANTHROPIC || provider == ModelEntry.Provider.GEMINI) {
            return Optional.of(path + ".local: true is refused: " + provider.name().toLowerCase(Locale.ROOT)
                    + " is a hosted provider, whose models never run on your machines");
        }
        if (trustedRemote || baseUrl.isEmpty()) {
            // Ollama without base_url talks to localhost:11434.
            return Optional.empty();
        }
        String host = host(baseUrl.get());
        if (host == null || isPrivate(host)) {
            return Optional.empty();
        }
        return Optional.of(path + ".local: true needs a server on this machine or your private network, and " + host
                + " is neither (loopback, private addresses and names such as ollama or llm.local are); set "
                + path + ".trusted_remote: true if that server is yours");
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            // A malformed URL is reported where base_url is checked.
            return null;
        }
    }

    static boolean isPrivate(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equals("localhost")) {
            return true;
        }
        if (IPV4.matcher(bare).matches() || bare.contains(":")) {
            return isPrivateAddress(bare);
        }
        if (!bare.contains(".")) {
            return true;
        }
        for (String suffix : PRIVATE_SUFFIXES) {
            if (bare.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPrivateAddress(String literal) {
        try {
            InetAddress address = InetAddress.getByName(literal);
            byte[] bytes = address.getAddress();
            boolean carrierGrade = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
            boolean uniqueLocal = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
            return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                    || carrierGrade || uniqueLocal;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
