package org.jsupermin.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ImageConfigParserTest {

    private static ImageConfig parse(Map<String, List<String>> options) throws OciException {
        return ImageConfigParser.parse(options, Platform.ofCpu("aarch64"), 0);
    }

    private static String refused(Map<String, List<String>> options) {
        return assertThrows(OciException.class, () -> parse(options)).getMessage();
    }

    @Test
    void nothingGivenIsTheDefaultPathAndNoCommand() throws Exception {
        ImageConfig c = parse(Map.of());
        assertEquals(List.of("PATH=" + ImageConfig.DEFAULT_PATH), c.env());
        assertNull(c.cmd());
        assertNull(c.entrypoint());
        assertEquals(new Platform("arm64", "v8", "linux"), c.platform());
    }

    @Test
    void commandsAreJsonArraysOrShellWords() throws Exception {
        ImageConfig c = parse(Map.of("--cmd", List.of("[\"echo\", \"a b\"]"),
                "--entrypoint", List.of("/bin/sh -c 'exec \"$0\" \"$@\"' \\x")));
        assertEquals(List.of("echo", "a b"), c.cmd());
        assertEquals(List.of("/bin/sh", "-c", "exec \"$0\" \"$@\"", "x"), c.entrypoint());
        assertEquals(List.of(), parse(Map.of("--cmd", List.of(""))).cmd());
        assertEquals(List.of("b"), parse(Map.of("--cmd", List.of("a", "b"))).cmd());
    }

    @Test
    void envKeepsOrderAndReplacesByKey() throws Exception {
        ImageConfig c = parse(Map.of("--env", List.of("A=1", "PATH=/opt/bin", "B=", "A=2")));
        assertEquals(List.of("PATH=/opt/bin", "A=2", "B="), c.env());
    }

    @Test
    void portsVolumesAndLabelsAreSorted() throws Exception {
        ImageConfig c = parse(Map.of("--expose", List.of("8080", "53/udp", "443/TCP"),
                "--volume", List.of("/var/lib/x", "/data"), "--label", List.of("z=1", "a=b=c"),
                "--stop-signal", List.of("quit"), "--workdir", List.of("/srv"), "--user", List.of("1000:1000")));
        assertEquals(List.of("443/tcp", "53/udp", "8080/tcp"), List.copyOf(c.exposedPorts()));
        assertEquals(List.of("/data", "/var/lib/x"), List.copyOf(c.volumes()));
        assertEquals(Map.of("a", "b=c", "z", "1"), c.labels());
        assertEquals("SIGQUIT", c.stopSignal());
        assertEquals("/srv", c.workingDir());
        assertEquals("1000:1000", c.user());
    }

    @Test
    void badValuesAreRefusedInOneLineNamingTheOption() {
        assertTrue(refused(Map.of("--env", List.of("NOVALUE"))).startsWith("--env 'NOVALUE' is not valid"));
        assertTrue(refused(Map.of("--expose", List.of("70000"))).startsWith("--expose '70000'"));
        assertTrue(refused(Map.of("--expose", List.of("80/icmp"))).startsWith("--expose '80/icmp'"));
        assertTrue(refused(Map.of("--workdir", List.of("srv"))).startsWith("--workdir 'srv'"));
        assertTrue(refused(Map.of("--volume", List.of("data"))).startsWith("--volume 'data'"));
        assertTrue(refused(Map.of("--label", List.of("=x"))).startsWith("--label '=x'"));
        assertTrue(refused(Map.of("--stop-signal", List.of("SIGFOO"))).startsWith("--stop-signal 'SIGFOO'"));
        assertTrue(refused(Map.of("--user", List.of("a b"))).startsWith("--user 'a b'"));
        assertTrue(refused(Map.of("--cmd", List.of("[1, 2]"))).contains("not a string"));
        assertTrue(refused(Map.of("--cmd", List.of("[\"a\""))).contains("not valid JSON"));
        assertTrue(refused(Map.of("--entrypoint", List.of("echo 'open"))).contains("single quote is not closed"));
        for (String m : List.of(refused(Map.of("--env", List.of("=1"))), refused(Map.of("--cmd", List.of("a\\"))))) {
            assertTrue(!m.contains("\n"), m);
        }
    }

    @Test
    void platformsAndTags() throws Exception {
        assertEquals("amd64", Platform.ofCpu("x86_64").architecture());
        assertEquals(new Platform("arm", "v7", "linux"), Platform.ofCpu("armhf"));
        assertThrows(OciException.class, () -> Platform.ofCpu("vax"));
        assertEquals("base:latest", ImageTag.normalize("base"));
        assertEquals("localhost:5000/team/base:1.2", ImageTag.normalize("localhost:5000/team/base:1.2"));
        assertThrows(OciException.class, () -> ImageTag.normalize("Base:1"));
        assertThrows(OciException.class, () -> ImageTag.normalize("base@sha256:00"));
        assertThrows(OciException.class, () -> ImageTag.normalize("base:"));
    }
}
