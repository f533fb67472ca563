package org.jsupermin.push;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs a docker credential helper ({@code docker-credential-NAME get}, the server URL on its
 * standard input, a JSON object with {@code Username} and {@code Secret} on its standard output).
 * Its output is never quoted in a message: it holds the secret.
 */
final class CredentialHelper {

    private static final long TIMEOUT_SECONDS = 60;

    private final String name;
    private final List<Path> searchPath;

    CredentialHelper(String name, List<Path> searchPath) {
        this.name = name;
        this.searchPath = searchPath;
    }

    /** The helper's credentials for {@code serverUrl}, or empty when it has none. */
    Optional<RegistryCredentials> get(String serverUrl, String configuredIn) throws PushException {
        String program = "docker-credential-" + name;
        Path exe = find(program);
        if (exe == null) {
            throw new PushException("credential helper " + program + " (named in " + configuredIn
                    + ") is not on PATH; install it, or remove '" + name + "' from that file");
        }
        Process p;
        try {
            ProcessBuilder pb = new ProcessBuilder(exe.toString(), "get").redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("LANG", "C");
            p = pb.start();
        } catch (IOException e) {
            throw new PushException("cannot run credential helper " + exe + ": " + e.getMessage(), e);
        }
        byte[] out;
        try (OutputStream in = p.getOutputStream()) {
            in.write(serverUrl.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // a helper that does not read its input answers all the same
        }
        try (InputStream stdout = p.getInputStream()) {
            out = stdout.readNBytes(1 << 20);
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new PushException("credential helper " + exe + " did not answer within " + TIMEOUT_SECONDS
                        + " s for " + serverUrl);
            }
        } catch (IOException e) {
            p.destroyForcibly();
            throw new PushException("credential helper " + exe + " failed for " + serverUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new PushException("interrupted while asking credential helper " + exe, e);
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            if (text.toLowerCase(java.util.Locale.ROOT).contains("credentials not found")) {
                return Optional.empty();
            }
            throw new PushException("credential helper " + exe + " failed for " + serverUrl + " (exit status "
                    + p.exitValue() + "); check it with: echo " + serverUrl + " | " + program + " get");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new PushException("credential helper " + exe + " answered for " + serverUrl
                    + " with something that is not a JSON object; check it with: echo " + serverUrl + " | " + program + " get");
        }
        if (node == null || !node.path("Username").isTextual() || !node.path("Secret").isTextual()) {
            throw new PushException("credential helper " + exe + " answered for " + serverUrl
                    + " without Username and Secret; check it with: echo " + serverUrl + " | " + program + " get");
        }
        return Optional.of(new RegistryCredentials(node.get("Username").asText(), node.get("Secret").asText(),
                "credential helper " + program));
    }

    private Path find(String program) {
        for (Path dir : searchPath) {
            Path candidate = dir.resolve(program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
