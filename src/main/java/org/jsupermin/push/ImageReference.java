package org.jsupermin.push;

import java.util.regex.Pattern;

/**
 * Where an image goes: a registry, a repository in it and a tag, read as docker reads
 * {@code REGISTRY/REPO:TAG} (no registry part means Docker Hub, where a one-component name gets
 * {@code library/}; no tag means {@code latest}).
 *
 * @param registry the registry as named ({@code docker.io}, {@code 127.0.0.1:5000}, {@code [::1]:5000})
 * @param repository the repository path ({@code library/debian}, {@code team/app})
 * @param tag the tag
 */
public record ImageReference(String registry, String repository, String tag) {

    /** The registry a reference without a registry part names. */
    public static final String DOCKER_HUB = "docker.io";

    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\\[[0-9A-Fa-f:.]+\\])"
                    + "(?::[0-9]{1,5})?");

    /**
     * Reads a reference such as {@code registry.example:5000/team/app:1}.
     *
     * @throws IllegalArgumentException with a one-line message when it is not a reference a push can use
     */
    public static ImageReference parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the image reference is empty; give REGISTRY/REPOSITORY:TAG");
        }
        if (text.contains("@")) {
            throw new IllegalArgumentException("image reference '" + text
                    + "' names a digest; a push needs a tag (REGISTRY/REPOSITORY:TAG), as the digest is the image's own");
        }
        String registry = DOCKER_HUB;
        String rest = text;
        int slash = text.indexOf('/');
        if (slash > 0) {
            String first = text.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost") || first.startsWith("[")) {
                if (!DOMAIN.matcher(first).matches()) {
                    throw new IllegalArgumentException("image reference '" + text + "': '" + first
                            + "' is not a registry host name[:port]");
                }
                registry = first.equals("index.docker.io") ? DOCKER_HUB : first;
                rest = text.substring(slash + 1);
            }
        }
        String tag = "latest";
        int lastSlash = rest.lastIndexOf('/');
        int colon = rest.indexOf(':', lastSlash + 1);
        if (colon >= 0) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw new IllegalArgumentException("image reference '" + text + "': tag '" + tag
                        + "' is not valid (letters, digits, '_', '.', '-'; at most 128; not starting with '.' or '-')");
            }
        }
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("image reference '" + text + "' has no repository name");
        }
        for (String component : rest.split("/", -1)) {
            if (!COMPONENT.matcher(component).matches()) {
                throw new IllegalArgumentException("image reference '" + text + "': repository '" + rest
                        + "' is not valid (lowercase letters, digits and separators '.', '_', '__', '-', between '/')");
            }
        }
        if (rest.length() > 255) {
            throw new IllegalArgumentException("image reference '" + text + "': the repository name is longer than 255 characters");
        }
        if (registry.equals(DOCKER_HUB) && !rest.contains("/")) {
            rest = "library/" + rest;
        }
        return new ImageReference(registry, rest, tag);
    }

    /** The host[:port] the registry's API answers on ({@code registry-1.docker.io} for Docker Hub). */
    public String apiHost() {
        return registry.equals(DOCKER_HUB) ? "registry-1.docker.io" : registry;
    }

    /** The host without its port (brackets removed for IPv6). */
    public String hostName() {
        return RegistryHosts.hostName(registry);
    }

    /** The reference as docker writes it in full. */
    @Override
    public String toString() {
        return registry + "/" + repository + ":" + tag;
    }
}
