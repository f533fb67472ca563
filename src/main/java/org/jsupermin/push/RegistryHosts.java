package org.jsupermin.push;

import java.util.List;
import java.util.Locale;

/** Which registries are spoken to over plain HTTP, and how registry names compare. */
final class RegistryHosts {

    private RegistryHosts() {
    }

    /** The host part of {@code host[:port]}, without IPv6 brackets. */
    static String hostName(String registry) {
        if (registry.startsWith("[")) {
            int end = registry.indexOf(']');
            return end > 0 ? registry.substring(1, end) : registry;
        }
        int colon = registry.lastIndexOf(':');
        return colon >= 0 ? registry.substring(0, colon) : registry;
    }

    /** Whether the host is this machine's loopback: {@code localhost}, 127.0.0.0/8 or {@code ::1}. */
    static boolean isLoopback(String registry) {
        String host = hostName(registry).toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.equals("::1") || host.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the registry is reached over plain HTTP: loopback addresses, and those named by
     * {@code --insecure-registry} ({@code HOST} matches any port of HOST, {@code HOST:PORT} only that port).
     */
    static boolean plainHttp(String registry, List<String> insecure) {
        if (isLoopback(registry)) {
            return true;
        }
        String lower = registry.toLowerCase(Locale.ROOT);
        for (String entry : insecure) {
            String e = entry.toLowerCase(Locale.ROOT);
            boolean hasPort = e.startsWith("[") ? e.contains("]:") : e.contains(":");
            if (e.equals(lower) || (!hasPort && hostName(e).equals(hostName(lower)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The registry a credential key names: {@code https://index.docker.io/v1/} and the other
     * spellings of Docker Hub become {@code docker.io}; a scheme and a path are dropped.
     */
    static String normalize(String key) {
        String k = key.trim();
        int scheme = k.indexOf("://");
        if (scheme >= 0) {
            k = k.substring(scheme + 3);
        }
        int slash = k.indexOf('/');
        if (slash >= 0) {
            k = k.substring(0, slash);
        }
        k = k.toLowerCase(Locale.ROOT);
        if (k.equals("index.docker.io") || k.equals("registry-1.docker.io") || k.equals("registry.hub.docker.com")) {
            return ImageReference.DOCKER_HUB;
        }
        return k;
    }
}
