package org.jsupermin.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real registry (Debian's docker-registry, distribution 2.8.2), on 127.0.0.1 unless told otherwise, for one test class,
 * its storage in a temporary directory, with htpasswd Basic authentication or with token
 * authentication against a realm the test runs. Its access log tells which requests it got.
 */
public final class LocalRegistry implements AutoCloseable {

    /** One request of the access log. */
    public record Request(String method, String path, int status) {
    }

    private static final Pattern ACCESS = Pattern.compile("\"([A-Z]+) (\\S+) HTTP/[0-9.]+\" (\\d{3}) ");

    private final Process process;
    private final Path log;
    private final String address;
    private final int port;

    private LocalRegistry(Process process, Path log, String address, int port) {
        this.process = process;
        this.log = log;
        this.address = address;
        this.port = port;
    }

    /** Starts a registry requiring {@code user}/{@code password} (Basic, bcrypt htpasswd made by htpasswd -Bbn). */
    public static LocalRegistry withBasicAuth(Path dir, String user, String password) throws IOException, InterruptedException {
        Commands.requireTool("htpasswd");
        String line = Commands.ok("htpasswd", "-Bbn", user, password).stdout().strip();
        Files.writeString(dir.resolve("htpasswd"), line + "\n");
        return start(dir, "127.0.0.1", "auth:\n  htpasswd:\n    realm: basic-realm\n    path: " + dir.resolve("htpasswd") + "\n");
    }

    /** Starts a registry without authentication listening on {@code address}, which need not be loopback. */
    public static LocalRegistry anonymousOn(Path dir, String address) throws IOException, InterruptedException {
        return start(dir, address, "");
    }

    /**
     * Starts a registry accepting bearer tokens signed by the key whose certificate is in
     * {@code rootCertBundle}, from the token server at {@code realm}.
     */
    public static LocalRegistry withTokenAuth(Path dir, String realm, String service, String issuer, Path rootCertBundle)
            throws IOException, InterruptedException {
        return start(dir, "127.0.0.1", "auth:\n  token:\n    realm: " + realm + "\n    service: " + service + "\n    issuer: " + issuer
                + "\n    rootcertbundle: " + rootCertBundle + "\n");
    }

    private static LocalRegistry start(Path dir, String address, String auth) throws IOException, InterruptedException {
        Commands.requireTool("docker-registry");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path config = dir.resolve("config.yml");
        Files.writeString(config, "version: 0.1\nlog:\n  level: info\n  accesslog:\n    disabled: false\n"
                + "storage:\n  filesystem:\n    rootdirectory: " + dir.resolve("storage") + "\n  delete:\n    enabled: true\n"
                + "http:\n  addr: " + address + ":" + port + "\n" + auth);
        Path log = dir.resolve("registry.log");
        Process p = new ProcessBuilder(Commands.which("docker-registry").toString(), "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LocalRegistry registry = new LocalRegistry(p, log, address, port);
        for (int i = 0; i < 100; i++) {
            if (!p.isAlive()) {
                throw new AssertionError("docker-registry exited " + p.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://" + registry.host() + "/v2/").toURL().openConnection();
                c.setConnectTimeout(200);
                int status = c.getResponseCode();
                c.disconnect();
                if (status == 200 || status == 401) {
                    return registry;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        registry.close();
        throw new AssertionError("docker-registry did not answer on " + registry.host() + ":\n" + Files.readString(log));
    }

    /** {@code ADDRESS:PORT}, {@code 127.0.0.1:PORT} unless started on another address. */
    public String host() {
        return address + ":" + port;
    }

    /** Every request the registry has logged so far, in order. */
    public List<Request> requests() throws IOException {
        List<Request> out = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = ACCESS.matcher(line);
            if (!line.startsWith("time=") && m.find()) {
                out.add(new Request(m.group(1), m.group(2), Integer.parseInt(m.group(3))));
            }
        }
        return out;
    }

    /** The registry's log, for failure messages. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
