package org.jsupermin.push;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Finds the credentials of a registry where docker and podman keep them: podman's
 * {@code REGISTRY_AUTH_FILE} first (set on purpose for this run), then docker's config file:
 * its {@code credHelpers} entry for the registry, its {@code auths} entry, its {@code credsStore}.
 * No credentials is not an error: the registry may allow anonymous pushes, and says otherwise.
 */
public final class CredentialStore {

    private final CredentialSources sources;

    /** A store reading the given files and helpers. */
    public CredentialStore(CredentialSources sources) {
        this.sources = sources;
    }

    /** The credentials for {@code registry} ({@code host[:port]}, {@code docker.io}) and a repository in it. */
    public Optional<RegistryCredentials> find(String registry, String repository) throws PushException {
        String wanted = RegistryHosts.normalize(registry);
        if (sources.registryAuthFile() != null) {
            JsonNode auth = read(sources.registryAuthFile(), "REGISTRY_AUTH_FILE");
            if (auth != null) {
                Optional<RegistryCredentials> found = fromAuths(auth, wanted, repository, sources.registryAuthFile());
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        JsonNode config = read(sources.dockerConfig(), "docker configuration");
        if (config == null) {
            return Optional.empty();
        }
        String where = sources.dockerConfig().toString();
        String helper = entryFor(config.path("credHelpers"), wanted);
        if (helper != null) {
            return new CredentialHelper(helper, sources.helperPath()).get(serverUrl(registry), where + " credHelpers");
        }
        Optional<RegistryCredentials> found = fromAuths(config, wanted, repository, sources.dockerConfig());
        if (found.isPresent()) {
            return found;
        }
        JsonNode store = config.path("credsStore");
        if (store.isTextual() && !store.asText().isEmpty()) {
            return new CredentialHelper(store.asText(), sources.helperPath()).get(serverUrl(registry), where + " credsStore");
        }
        return Optional.empty();
    }

    /** The server URL docker stores a registry's credentials under. */
    static String serverUrl(String registry) {
        return RegistryHosts.normalize(registry).equals(ImageReference.DOCKER_HUB) ? "https://index.docker.io/v1/" : registry;
    }

    private static JsonNode read(Path file, String what) throws PushException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new PushException("cannot read the " + what + " " + file + ": " + e.getMessage(), e);
        }
        try {
            JsonNode node = Json.MAPPER.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new IOException("not a JSON object");
            }
            return node;
        } catch (IOException e) {
            // the parser's message may quote the file's content, which may hold a secret
            throw new PushException("the " + what + " " + file + " is not a JSON object; fix it or log in again");
        }
    }

    private static String entryFor(JsonNode helpers, String wanted) {
        List<String> keys = sortedKeys(helpers);
        for (String key : keys) {
            if (RegistryHosts.normalize(key).equals(wanted) && helpers.get(key).isTextual()) {
                return helpers.get(key).asText();
            }
        }
        return null;
    }

    /** The {@code auths} entry for the registry; podman's keys may name a repository, the longest such prefix wins. */
    private static Optional<RegistryCredentials> fromAuths(JsonNode config, String wanted, String repository, Path file)
            throws PushException {
        JsonNode auths = config.path("auths");
        String bestKey = null;
        int bestLength = -1;
        for (String key : sortedKeys(auths)) {
            if (!RegistryHosts.normalize(key).equals(wanted)) {
                continue;
            }
            String path = repositoryPart(key);
            if (!path.isEmpty() && !(repository.equals(path) || repository.startsWith(path + "/"))) {
                continue;
            }
            if (path.length() > bestLength && auths.get(key).path("auth").isTextual()) {
                bestKey = key;
                bestLength = path.length();
            }
        }
        if (bestKey == null) {
            return Optional.empty();
        }
        String encoded = auths.get(bestKey).get("auth").asText();
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new PushException("the 'auth' of " + bestKey + " in " + file
                    + " is not base64; log in again (docker login / podman login)");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw new PushException("the 'auth' of " + bestKey + " in " + file
                    + " is not base64 of USER:PASSWORD; log in again (docker login / podman login)");
        }
        return Optional.of(new RegistryCredentials(decoded.substring(0, colon), decoded.substring(colon + 1),
                file + " auths"));
    }

    /** The repository path of a podman-style key ({@code quay.io/team}), empty for a bare host or docker's URLs. */
    private static String repositoryPart(String key) {
        if (key.contains("://")) {
            return "";
        }
        int slash = key.indexOf('/');
        return slash < 0 ? "" : key.substring(slash + 1).replaceAll("/+$", "");
    }

    private static List<String> sortedKeys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        if (node != null && node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                keys.add(it.next().getKey());
            }
        }
        keys.sort(null);
        return keys;
    }
}
