package org.jsupermin.push;

/** What to do next after a refusal, from its HTTP status. */
final class RegistryHints {

    private RegistryHints() {
    }

    /** A "; ..." clause with the next step, or nothing. */
    static String forStatus(int status, String registry) {
        return switch (status) {
            case 401 -> "; log in with: docker login " + registry + " (or podman login, or set REGISTRY_AUTH_FILE)";
            case 403 -> "; the account may not push to this repository: check its permissions on " + registry;
            case 404 -> "; check the repository name, and that the registry allows creating it by a push";
            case 413 -> "; the registry (or a proxy before it) takes no body this large: lower -Djsupermin.push.chunkSize";
            case 429 -> "; the registry limits requests: try again later";
            default -> status >= 500 ? "; the registry failed: try again later, or look at its log" : "";
        };
    }
}
