package org.jsupermin.push;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One registry's HTTP conversation: the scheme (HTTPS, plain HTTP only for loopback or an
 * insecure registry), the {@code /v2/} ping, and authentication from the registry's
 * {@code WWW-Authenticate} challenge (Basic, or Bearer tokens fetched per scope and kept).
 * Every request goes through {@link #send}; it counts them by method.
 */
final class RegistrySession {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final String registry;
    private final URI base;
    private final boolean plainHttp;
    private final List<String> insecure;
    private final CredentialStore credentials;
    private final String repository;
    private final HttpClient http;
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, Integer> requests = new TreeMap<>();
    private AuthChallenge challenge;
    private Optional<RegistryCredentials> found;

    RegistrySession(ImageReference ref, List<String> insecure, CredentialStore credentials) {
        this.registry = ref.registry();
        this.repository = ref.repository();
        this.insecure = insecure;
        this.plainHttp = RegistryHosts.plainHttp(ref.registry(), insecure);
        this.base = URI.create((plainHttp ? "http://" : "https://") + ref.apiHost());
        this.credentials = credentials;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(30))
                .version(plainHttp ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2).build();
    }

    /** The registry as named in the reference. */
    String registry() {
        return registry;
    }

    /** The repository pushed to. */
    String repository() {
        return repository;
    }

    /** The authentication scope of pushing to the repository: {@code repository:NAME:pull,push}. */
    List<String> pushScopes() {
        return List.of("repository:" + repository + ":pull,push");
    }

    /** The requests made so far, by method. */
    Map<String, Integer> requests() {
        return new TreeMap<>(requests);
    }

    /** A URI of the registry's API: {@code path} starts with {@code /v2/}; a registry's Location may be absolute. */
    URI uri(String pathOrLocation) {
        return base.resolve(pathOrLocation);
    }

    /** Asks {@code /v2/} whether the registry speaks the API and how it wants callers to authenticate. */
    void ping() throws PushException {
        HttpResponse<byte[]> r = exchange(HttpRequest.newBuilder(uri("/v2/")).GET(), null);
        if (r.statusCode() == 401) {
            challenge = challengeOf(r);
        } else if (r.statusCode() != 200) {
            throw new PushException(base + "/v2/ answered " + RegistryError.describe(r)
                    + "; is " + registry + " a container registry (Docker Registry API v2)?");
        }
    }

    /**
     * Sends a request with the authentication {@code scopes} need ({@code repository:NAME:pull,push}),
     * authenticating again once when the registry answers 401 with a new challenge.
     */
    HttpResponse<byte[]> send(HttpRequest.Builder request, List<String> scopes) throws PushException {
        String auth = authorization(scopes, false);
        if (auth != null) {
            request.setHeader("Authorization", auth);
        }
        HttpResponse<byte[]> r = exchange(request, null);
        if (r.statusCode() == 401 && r.headers().firstValue("WWW-Authenticate").isPresent()) {
            AuthChallenge fresh = challengeOf(r);
            boolean first = challenge == null;
            challenge = fresh;
            List<String> wanted = new ArrayList<>(scopes);
            String scope = fresh.param("scope");
            if (scope != null && !wanted.contains(scope)) {
                wanted.add(scope);
            }
            String again = authorization(wanted, !first);
            if (again != null && !again.equals(auth)) {
                request.setHeader("Authorization", again);
                r = exchange(request, null);
            }
        }
        return r;
    }

    /**
     * The reason for a refused HEAD request: a HEAD answer has no body, so the same resource is
     * asked with GET for the registry's error code and message (its answer is an error document).
     */
    String describeRefusedHead(HttpResponse<byte[]> head, List<String> scopes) throws PushException {
        HttpRequest.Builder get = HttpRequest.newBuilder(head.request().uri()).GET();
        head.request().headers().firstValue("Accept").ifPresent(a -> get.header("Accept", a));
        HttpResponse<byte[]> r = send(get, scopes);
        return r.statusCode() == head.statusCode() ? RegistryError.describe(r) : RegistryError.describe(head);
    }

    /** The Authorization header for {@code scopes}, or null when the registry asked for none. */
    private String authorization(List<String> scopes, boolean renew) throws PushException {
        if (challenge == null) {
            return null;
        }
        if (challenge.scheme().equals("basic")) {
            return credentials().map(RegistryCredentials::basicAuthorization).orElse(null);
        }
        if (challenge.scheme().equals("bearer")) {
            List<String> sorted = new ArrayList<>(scopes);
            sorted.sort(null);
            String key = String.join(" ", sorted);
            String token = renew ? null : tokens.get(key);
            if (token == null) {
                token = fetchToken(sorted);
                tokens.put(key, token);
            }
            return "Bearer " + token;
        }
        throw new PushException("registry " + registry + " asks for '" + challenge.scheme()
                + "' authentication, which is not supported (Basic and Bearer are)");
    }

    private Optional<RegistryCredentials> credentials() throws PushException {
        if (found == null) {
            found = credentials.find(registry, repository);
        }
        return found;
    }

    /** A token from the challenge's realm for {@code scopes}, with the registry's credentials when there are any. */
    private String fetchToken(List<String> scopes) throws PushException {
        String realm = challenge.param("realm");
        if (realm == null || realm.isEmpty()) {
            throw new PushException("registry " + registry + " asks for a Bearer token but names no realm to get it from");
        }
        URI realmUri;
        try {
            realmUri = URI.create(realm);
        } catch (IllegalArgumentException e) {
            throw new PushException("registry " + registry + " names a token realm that is not a URL: " + realm);
        }
        if (realmUri.getHost() == null || !(realmUri.getScheme().equals("https") || realmUri.getScheme().equals("http")
                && RegistryHosts.plainHttp(realmUri.getAuthority(), insecure))) {
            throw new PushException("registry " + registry + " sends for tokens to " + realm
                    + ", which is not HTTPS (plain HTTP only for loopback or --insecure-registry)");
        }
        StringBuilder query = new StringBuilder();
        String service = challenge.param("service");
        if (service != null) {
            query.append("service=").append(URLEncoder.encode(service, StandardCharsets.UTF_8));
        }
        for (String scope : scopes) {
            query.append(query.length() == 0 ? "" : "&").append("scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
        }
        URI tokenUri = URI.create(realm + (realm.contains("?") ? "&" : "?") + query);
        HttpRequest.Builder request = HttpRequest.newBuilder(tokenUri).GET();
        Optional<RegistryCredentials> c = credentials();
        if (c.isPresent()) {
            request.setHeader("Authorization", c.get().basicAuthorization());
        }
        HttpResponse<byte[]> r = exchange(request, realmUri);
        if (r.statusCode() == 401 || r.statusCode() == 403) {
            throw new PushException("the token server of " + registry + " (" + realmUri.getAuthority() + ") refused "
                    + (c.isPresent() ? "the " + c.get() : "an anonymous request") + ": " + RegistryError.describe(r)
                    + "; log in with: docker login " + registry);
        }
        if (r.statusCode() != 200) {
            throw new PushException("the token server of " + registry + " (" + realmUri.getAuthority() + ") answered "
                    + RegistryError.describe(r));
        }
        try {
            JsonNode body = Json.MAPPER.readTree(r.body());
            JsonNode token = body.path("token").isTextual() ? body.get("token") : body.path("access_token");
            if (!token.isTextual() || token.asText().isEmpty()) {
                throw new IOException("no token");
            }
            return token.asText();
        } catch (IOException e) {
            throw new PushException("the token server of " + registry + " (" + realmUri.getAuthority()
                    + ") answered without a token");
        }
    }

    private AuthChallenge challengeOf(HttpResponse<byte[]> r) throws PushException {
        String header = r.headers().firstValue("WWW-Authenticate").orElse(null);
        if (header == null) {
            throw new PushException("registry " + registry + " answered 401 without saying how to authenticate (no WWW-Authenticate)");
        }
        try {
            return AuthChallenge.parse(header);
        } catch (IllegalArgumentException e) {
            throw new PushException("registry " + registry + " sent a WWW-Authenticate header that cannot be read: " + e.getMessage());
        }
    }

    /** One request and its whole answer; connection failures become one line naming the registry. */
    private HttpResponse<byte[]> exchange(HttpRequest.Builder request, URI other) throws PushException {
        HttpRequest built = request.timeout(TIMEOUT).build();
        requests.merge(built.method(), 1, Integer::sum);
        String where = other != null ? other.getAuthority() : registry;
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw new PushException("cannot reach " + where + " (" + built.uri().getScheme() + "): connection timed out", e);
        } catch (ConnectException e) {
            throw new PushException("cannot reach " + where + " at " + built.uri().getScheme() + "://" + built.uri().getAuthority()
                    + ": connection refused; is the registry running there?", e);
        } catch (HttpTimeoutException e) {
            throw new PushException("registry " + where + " did not answer " + built.method() + " " + built.uri().getPath()
                    + " within " + TIMEOUT.toMinutes() + " minutes", e);
        } catch (javax.net.ssl.SSLException e) {
            throw new PushException("TLS with " + where + " failed (" + e.getMessage() + "); for a registry that speaks "
                    + "plain HTTP use --insecure-registry " + where, e);
        } catch (IOException e) {
            throw new PushException("talking to " + where + " (" + built.method() + " " + built.uri().getPath() + "): "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PushException("interrupted while talking to " + where, e);
        }
    }
}
