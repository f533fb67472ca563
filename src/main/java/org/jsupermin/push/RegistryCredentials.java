package org.jsupermin.push;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A user name and secret for one registry. {@link #toString()} never shows the secret, so that no
 * message, log or exception can carry it.
 *
 * @param username the user name
 * @param secret the password or token
 * @param origin where they were found ("~/.docker/config.json auths", "credential helper pass"), for messages
 */
public record RegistryCredentials(String username, String secret, String origin) {

    /** The value of an {@code Authorization} header sending them with HTTP Basic authentication. */
    String basicAuthorization() {
        String pair = username + ":" + secret;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "credentials of " + username + " from " + origin;
    }
}
