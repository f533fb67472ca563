package org.jsupermin.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A token server for a registry's Bearer authentication, as the distribution spec's token
 * protocol describes it: GET {@code /token?service=S&scope=...} with Basic credentials answers
 * {@code {"token": JWT}}, the JWT signed (RS256) by a key made with keytool, its certificate in
 * the JWT's {@code x5c} header and in the bundle the registry trusts. Every token grants what was
 * asked; the registry checks issuer, audience, times, signature and the granted actions.
 */
public final class TokenServer implements AutoCloseable {

    /** The issuer the registry must be configured with. */
    public static final String ISSUER = "jsupermin-test-issuer";

    private final HttpServer server;
    private final String user;
    private final String password;
    private final PrivateKey key;
    private final String certificate;
    private final List<String> scopesAsked = Collections.synchronizedList(new ArrayList<>());

    private TokenServer(HttpServer server, String user, String password, PrivateKey key, String certificate) {
        this.server = server;
        this.user = user;
        this.password = password;
        this.key = key;
        this.certificate = certificate;
    }

    /** Starts a server on 127.0.0.1 accepting {@code user}/{@code password}; writes the trusted bundle to {@code bundle}. */
    public static TokenServer start(Path dir, Path bundle, String user, String password) throws Exception {
        Path store = dir.resolve("token.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Tools.run(keytool, "-genkeypair", "-alias", "token", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=token",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit").orFail("keytool -genkeypair");
        Files.writeString(bundle, Tools.run(keytool, "-exportcert", "-rfc", "-alias", "token", "-keystore", store.toString(),
                "-storepass", "changeit").orFail("keytool -exportcert").stdout());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        PrivateKey key = (PrivateKey) ks.getKey("token", "changeit".toCharArray());
        Certificate cert = ks.getCertificate("token");
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        TokenServer server = new TokenServer(http, user, password, key, Base64.getEncoder().encodeToString(cert.getEncoded()));
        http.createContext("/token", server::answer);
        http.start();
        return server;
    }

    /** The realm URL the registry sends clients to. */
    public String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    /** Every scope clients asked for, in order. */
    public List<String> scopesAsked() {
        return List.copyOf(scopesAsked);
    }

    private void answer(HttpExchange ex) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            reply(ex, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"wrong user name or password\"}]}");
            return;
        }
        String service = "";
        List<String> access = new ArrayList<>();
        String query = ex.getRequestURI().getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq);
            String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (name.equals("service")) {
                service = value;
            } else if (name.equals("scope")) {
                scopesAsked.add(value);
                // repository:NAME:pull,push; NAME may hold a port-free path only
                int last = value.lastIndexOf(':');
                String[] typeName = value.substring(0, last).split(":", 2);
                StringBuilder actions = new StringBuilder();
                for (String a : value.substring(last + 1).split(",")) {
                    actions.append(actions.length() == 0 ? "" : ",").append('"').append(a).append('"');
                }
                access.add("{\"type\":\"" + typeName[0] + "\",\"name\":\"" + typeName[1] + "\",\"actions\":[" + actions + "]}");
            }
        }
        long now = System.currentTimeMillis() / 1000;
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"x5c\":[\"" + certificate + "\"]}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + user + "\",\"aud\":\"" + service + "\",\"exp\":" + (now + 300)
                + ",\"nbf\":" + (now - 10) + ",\"iat\":" + now + ",\"jti\":\"" + now + "-" + scopesAsked.size()
                + "\",\"access\":[" + String.join(",", access) + "]}";
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            reply(ex, 200, "{\"token\":\"" + signingInput + "." + b64(rs256.sign()) + "\",\"expires_in\":300}");
        } catch (java.security.GeneralSecurityException e) {
            reply(ex, 500, "{}");
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
