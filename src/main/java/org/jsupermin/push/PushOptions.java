package org.jsupermin.push;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsupermin.util.Reporter;

/**
 * The push part of a build's options: where to push ({@code --push}, repeatable) and which
 * registries speak plain HTTP ({@code --insecure-registry}), read from the sorted map of
 * format-specific option values a format's {@code write} gets.
 *
 * @param targets where the image goes, in the order given
 * @param insecureRegistries registries ({@code HOST} or {@code HOST:PORT}) reached over plain HTTP
 */
public record PushOptions(List<ImageReference> targets, List<String> insecureRegistries) {

    /** The option naming a target. */
    public static final String PUSH = "--push";
    /** The option naming a plain-HTTP registry. */
    public static final String INSECURE_REGISTRY = "--insecure-registry";

    /** Copies the lists. */
    public PushOptions {
        targets = List.copyOf(targets);
        insecureRegistries = List.copyOf(insecureRegistries);
    }

    /**
     * Reads {@code --push} and {@code --insecure-registry} from format options ("--long-name" → values).
     *
     * @throws IllegalArgumentException with a one-line message for a reference a push cannot use
     */
    public static PushOptions from(Map<String, List<String>> options) {
        List<ImageReference> targets = new ArrayList<>();
        for (String ref : options.getOrDefault(PUSH, List.of())) {
            try {
                targets.add(ImageReference.parse(ref));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--push: " + e.getMessage(), e);
            }
        }
        List<String> insecure = new ArrayList<>();
        for (String host : options.getOrDefault(INSECURE_REGISTRY, List.of())) {
            if (host.isBlank() || host.contains("/") || host.contains("://")) {
                throw new IllegalArgumentException("--insecure-registry " + host + ": give a registry as HOST or HOST:PORT");
            }
            insecure.add(host.strip());
        }
        return new PushOptions(targets, insecure);
    }

    /** Whether there is anything to push. */
    public boolean any() {
        return !targets.isEmpty();
    }

    /**
     * Pushes the image of {@code layout} to every target in turn (a later target of the same
     * registry mounts the blobs an earlier one received), with credentials found from
     * {@code environment} (HOME, DOCKER_CONFIG, REGISTRY_AUTH_FILE, PATH).
     */
    public List<PushResult> pushAll(Path layout, Map<String, String> environment, Reporter reporter) throws PushException {
        String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
        CredentialSources credentials = CredentialSources.fromEnvironment(environment, Path.of(home));
        ImagePusher pusher = new ImagePusher(reporter);
        List<PushResult> results = new ArrayList<>();
        for (ImageReference target : targets) {
            results.add(pusher.push(new PushRequest(layout, target, insecureRegistries, List.of(), credentials,
                    PushRequest.defaultChunkSize())));
        }
        return results;
    }
}
