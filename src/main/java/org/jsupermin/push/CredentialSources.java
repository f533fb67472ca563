package org.jsupermin.push;

import java.nio.file.Path;
import java.util.List;

/**
 * Where credentials are looked for, from the environment a push runs in.
 *
 * @param dockerConfig docker's configuration file ({@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json})
 * @param registryAuthFile podman's {@code $REGISTRY_AUTH_FILE}, or null when unset
 * @param helperPath the directories searched for {@code docker-credential-NAME} programs ({@code $PATH})
 */
public record CredentialSources(Path dockerConfig, Path registryAuthFile, List<Path> helperPath) {

    /** The sources an environment such as {@code System.getenv()} names, with {@code home} as the user's home. */
    public static CredentialSources fromEnvironment(java.util.Map<String, String> env, Path home) {
        String dockerDir = env.get("DOCKER_CONFIG");
        Path config = dockerDir != null && !dockerDir.isEmpty() ? Path.of(dockerDir, "config.json")
                : home.resolve(".docker/config.json");
        String authFile = env.get("REGISTRY_AUTH_FILE");
        Path auth = authFile != null && !authFile.isEmpty() ? Path.of(authFile) : null;
        List<Path> path = new java.util.ArrayList<>();
        for (String dir : env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin").split(":")) {
            if (!dir.isEmpty()) {
                path.add(Path.of(dir));
            }
        }
        return new CredentialSources(config, auth, List.copyOf(path));
    }
}
