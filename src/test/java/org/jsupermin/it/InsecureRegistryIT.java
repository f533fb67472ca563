package org.jsupermin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.jsupermin.push.CredentialSources;
import org.jsupermin.push.ImagePusher;
import org.jsupermin.push.ImageReference;
import org.jsupermin.push.PushException;
import org.jsupermin.push.PushRequest;
import org.jsupermin.testing.Commands;
import org.jsupermin.testing.LocalRegistry;
import org.jsupermin.testing.TestLayouts;
import org.jsupermin.testing.TestLayouts.LayerFile;
import org.jsupermin.testing.TestLayouts.Layout;
import org.jsupermin.util.Reporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plain-HTTP registry on an address that is not loopback gets HTTPS unless --insecure-registry names it. */
class InsecureRegistryIT {

    @TempDir
    Path tmp;

    private static String nonLoopbackAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address) {
                    return a.getHostAddress();
                }
            }
        }
        throw new AssertionError("this test needs an IPv4 address that is not loopback; none is up");
    }

    @Test
    void httpsUnlessNamedInsecure() throws Exception {
        String address = nonLoopbackAddress();
        try (LocalRegistry registry = LocalRegistry.anonymousOn(Files.createDirectories(tmp.resolve("registry")), address)) {
            Layout layout = TestLayouts.image(tmp.resolve("layout"), null, List.of("/x"),
                    List.of(List.of(new LayerFile("x", 0755, "x".getBytes(StandardCharsets.UTF_8)))));
            CredentialSources none = CredentialSources.fromEnvironment(Map.of(), tmp.resolve("home"));
            ImageReference target = ImageReference.parse(registry.host() + "/plain/app:1");

            int probes = registry.requests().size();
            PushException e = assertThrows(PushException.class, () -> new ImagePusher(Reporter.SILENT).push(
                    new PushRequest(layout.dir(), target, List.of(), List.of(), none, PushRequest.defaultChunkSize())));
            assertTrue(e.getMessage().contains("--insecure-registry " + registry.host()), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertEquals(probes, registry.requests().size(), "nothing was sent over plain HTTP: " + registry.requests());

            String digest = new ImagePusher(Reporter.SILENT).push(new PushRequest(layout.dir(), target, List.of(address),
                    List.of(), none, PushRequest.defaultChunkSize())).digest();
            assertEquals(layout.manifestDigest(), digest);
            String inspect = Commands.run(List.of("skopeo", "inspect", "--tls-verify=false", "docker://" + target), null, Map.of(), 120)
                    .orFail().stdout();
            assertTrue(inspect.contains(digest), inspect);
        }
    }
}
