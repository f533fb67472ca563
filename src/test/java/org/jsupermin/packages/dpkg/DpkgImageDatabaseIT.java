package org.jsupermin.packages.dpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsupermin.packages.ExtraEntry;
import org.jsupermin.packages.ImageDatabase;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dpkg database an image gets, made from this host's database for a few of its packages and
 * read by the real dpkg-query and dpkg (--admindir): the same packages, versions, states and file
 * lists as the host's, and the host's files verify against it.
 */
class DpkgImageDatabaseIT {

    private static final Set<String> NAMES = Set.of("bash", "coreutils", "dash", "base-passwd", "libc6", "libtinfo6");

    @Test
    void dpkgReadsTheDatabaseAsTheHostsForTheContainedPackages(@TempDir Path tmp) throws Exception {
        Tools.requireTool("dpkg-query", "/usr/bin/dpkg-query", "apt-get install dpkg");
        DpkgDatabase host = new DpkgDatabase(Path.of("/"), 0);
        List<InstalledPackage> contained = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (InstalledPackage p : host.installedPackages()) {
            if (NAMES.contains(p.name())) {
                contained.add(p);
                names.add(p.name());
            }
        }
        assertEquals(NAMES.size(), contained.size(), "the host has " + names);
        ImageDatabase image = host.imageDatabase(contained);
        for (String dir : image.directories()) {
            Files.createDirectories(tmp.resolve(dir.substring(1)));
        }
        for (ExtraEntry f : image.files()) {
            Path to = tmp.resolve(f.path().substring(1));
            Files.createDirectories(to.getParent());
            Files.write(to, f.content());
        }
        String admindir = "--admindir=" + tmp.resolve("var/lib/dpkg");
        String format = "${binary:Package} ${Version} ${db:Status-Abbrev} ${Installed-Size} ${Source}\\n";
        List<String> query = new ArrayList<>(List.of("dpkg-query", "-W", "-f", format));
        String expected = Tools.run(plus(query, names), java.util.Map.of()).orFail("dpkg-query on the host").stdout();
        List<String> inImage = new ArrayList<>(List.of("dpkg-query", admindir, "-W", "-f", format));
        assertEquals(expected, Tools.run(inImage, java.util.Map.of()).orFail("dpkg-query on the image's database").stdout(),
                "every package of the image's database, and only those");
        assertEquals(Tools.run("dpkg-query", "-L", "bash").orFail("dpkg-query -L").stdout(),
                Tools.run("dpkg-query", admindir, "-L", "bash").orFail("dpkg-query -L").stdout());
        Tools.run("dpkg", admindir, "--verify", "bash", "coreutils").orFail("dpkg --verify of the host's files");
        Tools.Result audit = Tools.run("dpkg", admindir, "--audit").orFail("dpkg --audit");
        assertEquals("", audit.stdout() + audit.stderr());
        String list = Tools.run("dpkg-query", admindir, "-l").orFail("dpkg-query -l").stdout();
        assertTrue(list.contains("\nii  bash "), list);
    }

    private static List<String> plus(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
