package org.jsupermin.push;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One {@code WWW-Authenticate} challenge: its scheme ({@code basic}, {@code bearer}, lower case)
 * and its parameters ({@code realm}, {@code service}, {@code scope}, ...; names in lower case).
 *
 * @param scheme the scheme, lower case
 * @param params the parameters, sorted by name
 */
public record AuthChallenge(String scheme, Map<String, String> params) {

    /** A challenge with an unmodifiable copy of its parameters. */
    public AuthChallenge {
        params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
    }

    /**
     * Reads the first challenge of a header value such as
     * {@code Bearer realm="https://auth.example/token",service="registry",scope="repository:a:pull,push"}.
     *
     * @throws IllegalArgumentException when the value has no scheme
     */
    public static AuthChallenge parse(String header) {
        String h = header.strip();
        int i = 0;
        while (i < h.length() && isTokenChar(h.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("WWW-Authenticate has no scheme");
        }
        String scheme = h.substring(0, i).toLowerCase(Locale.ROOT);
        Map<String, String> params = new TreeMap<>();
        while (i < h.length()) {
            while (i < h.length() && (h.charAt(i) == ' ' || h.charAt(i) == ',' || h.charAt(i) == '\t')) {
                i++;
            }
            int nameStart = i;
            while (i < h.length() && isTokenChar(h.charAt(i))) {
                i++;
            }
            String name = h.substring(nameStart, i).toLowerCase(Locale.ROOT);
            while (i < h.length() && h.charAt(i) == ' ') {
                i++;
            }
            if (name.isEmpty() || i >= h.length() || h.charAt(i) != '=') {
                // a second challenge or a token68 value: the first challenge's parameters end here
                break;
            }
            i++;
            while (i < h.length() && h.charAt(i) == ' ') {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < h.length() && h.charAt(i) == '"') {
                i++;
                while (i < h.length() && h.charAt(i) != '"') {
                    if (h.charAt(i) == '\\' && i + 1 < h.length()) {
                        i++;
                    }
                    value.append(h.charAt(i));
                    i++;
                }
                i++;
            } else {
                while (i < h.length() && h.charAt(i) != ',') {
                    value.append(h.charAt(i));
                    i++;
                }
            }
            params.put(name, value.toString().strip());
        }
        return new AuthChallenge(scheme, params);
    }

    /** A parameter's value, or null. */
    public String param(String name) {
        return params.get(name);
    }

    private static boolean isTokenChar(char c) {
        return Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
