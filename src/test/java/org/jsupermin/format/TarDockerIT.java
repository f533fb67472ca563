package org.jsupermin.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsupermin.testing.Commands;
import org.jsupermin.testing.DockerEngine;
import org.jsupermin.testing.HostTreeBuilder;
import org.jsupermin.testing.RawTarReader;
import org.jsupermin.tree.ApplianceTree;
import org.jsupermin.tree.EntryType;
import org.jsupermin.tree.TreeEntry;
import org.jsupermin.util.Reporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tar of a minimal userland from the host's own files, imported into and run by a real Docker engine. */
class TarDockerIT {

    private static final Pattern LIB = Pattern.compile("(/\\S+) \\(0x");
    private static DockerEngine docker;

    @TempDir
    Path dir;

    @BeforeAll
    static void startDocker() throws Exception {
        docker = DockerEngine.start();
    }

    @AfterAll
    static void stopDocker() {
        if (docker != null) {
            docker.close();
        }
    }

    @Test
    void importedTarRunsAndKeepsOwnersAndCapabilities() throws Exception {
        Path capFile = dir.resolve("id-cap");
        Files.copy(Path.of("/usr/bin/id"), capFile);
        // cap_setuid is bit 7: the value holds a 0x80 byte, which a UTF-8 round trip would corrupt
        Commands.ok("setcap", "cap_setuid,cap_net_raw+ep", capFile.toString());

        ApplianceTree tree = userland(capFile);
        byte[] capability = tree.get("/usr/bin/id-cap").xattrs().get("security.capability");
        assertNotNull(capability, "setcap put a capability on the copy");
        Path tar = dir.resolve("userland.tar");
        new TarFormat().write(FormatContext.of(tree, FormatOptions.NONE, Reporter.SILENT), tar);

        docker.importTar(tar, "jsupermin-tar-it:1");
        Commands.Result r = docker.run("run", "--rm", "--network", "none", "jsupermin-tar-it:1", "/bin/bash", "-c",
                "id -un; ls -ln /usr/bin/bash; test -k /tmp && echo sticky").orFail();
        String[] lines = r.stdout().split("\n");
        assertEquals("root", lines[0], r.stdout());
        assertTrue(lines[1].matches("-rwxr-xr-x 1 0 0 \\d+ .* /usr/bin/bash"), lines[1]);
        assertEquals("sticky", lines[2], r.stdout());

        String container = docker.run("create", "jsupermin-tar-it:1", "/bin/bash").orFail().stdout().trim();
        Path exported = dir.resolve("exported.tar");
        docker.run("export", "-o", exported.toString(), container).orFail();
        docker.run("rm", container).orFail();
        List<RawTarReader.Member> members;
        try (InputStream in = Files.newInputStream(exported)) {
            members = RawTarReader.read(in);
        }
        RawTarReader.Member idCap = members.stream().filter(m -> m.name().equals("usr/bin/id-cap")).findFirst()
                .orElseThrow(() -> new AssertionError("usr/bin/id-cap not in the export"));
        assertArrayEquals(capability, idCap.xattr("security.capability"), "capability after import and export");
        RawTarReader.Member lib64 = members.stream().filter(m -> m.name().equals("lib64")).findFirst().orElseThrow();
        assertEquals("usr/lib64", lib64.linkName());
        docker.run("rmi", "jsupermin-tar-it:1").orFail();
    }

    /** bash, id, ls and their libraries from the host, plus accounts and the usual empty directories. */
    private static ApplianceTree userland(Path capFile) throws Exception {
        HostTreeBuilder b = new HostTreeBuilder();
        b.add(TreeEntry.directory("/", 0755, 0));
        b.add(TreeEntry.symlink("/bin", "usr/bin", 0));
        b.add(TreeEntry.symlink("/lib", "usr/lib", 0));
        b.add(TreeEntry.symlink("/lib64", "usr/lib64", 0));
        TreeSet<String> files = new TreeSet<>(List.of("/usr/bin/bash", "/usr/bin/id", "/usr/bin/ls",
                "/lib64/ld-linux-x86-64.so.2"));
        String ldd = Commands.ok("ldd", "/usr/bin/bash", "/usr/bin/id", "/usr/bin/ls").stdout();
        Matcher m = LIB.matcher(ldd);
        while (m.find()) {
            files.add(m.group(1));
        }
        for (String f : files) {
            b.addHost(f.startsWith("/lib64/") ? "/usr" + f : f.startsWith("/lib/") ? "/usr" + f : f);
        }
        b.addHostAs("/usr/bin/id-cap", capFile);
        b.addBytes("/etc/passwd", 0644, "root:x:0:0:root:/root:/bin/bash\n");
        b.addBytes("/etc/group", 0644, "root:x:0:\n");
        for (String d : List.of("/dev", "/proc", "/sys", "/run", "/root")) {
            b.add(TreeEntry.directory(d, 0755, 0));
        }
        b.add(new TreeEntry("/tmp", EntryType.DIRECTORY, 01777, 0, 0, 0, 0, null, null, 0, 0, null, null));
        return b.build();
    }
}
