package org.jsupermin.packages.dpkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsupermin.packages.ExtraEntry;
import org.jsupermin.packages.ImageDatabase;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDatabaseException;
import org.junit.jupiter.api.Test;

/** The dpkg database written into an image, from the fixture root. */
class DpkgImageDatabaseTest {

    private static final Path DPKG = DebFixtures.ROOT.resolve("var/lib/dpkg");

    private static List<InstalledPackage> some(DpkgDatabase db, String... names) {
        List<InstalledPackage> out = new ArrayList<>();
        for (String n : names) {
            for (InstalledPackage p : db.installedPackages()) {
                if (p.name().equals(n)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private static Map<String, ExtraEntry> byPath(ImageDatabase image) {
        Map<String, ExtraEntry> m = new TreeMap<>();
        for (ExtraEntry f : image.files()) {
            m.put(f.path(), f);
        }
        return m;
    }

    private static String text(ExtraEntry f) {
        return new String(f.content(), StandardCharsets.UTF_8);
    }

    private ImageDatabase image() throws PackageDatabaseException {
        DpkgDatabase db = new DpkgDatabase(DebFixtures.ROOT, 0);
        // asked in no particular order: the status is sorted as dpkg writes it
        return db.imageDatabase(some(db, "postgresql-common", "mawk", "bash", "libc6", "base-passwd"));
    }

    @Test
    void statusHoldsExactlyTheContainedPackagesParagraphsSortedByName() throws Exception {
        String status = text(byPath(image()).get("/var/lib/dpkg/status"));
        List<String> packages = new ArrayList<>();
        for (String line : status.split("\n")) {
            if (line.startsWith("Package: ")) {
                packages.add(line.substring(9));
            }
        }
        assertEquals(List.of("base-passwd", "bash", "libc6", "mawk", "postgresql-common"), packages);
        String host = Files.readString(DPKG.resolve("status"));
        for (String paragraph : status.split("\n\n")) {
            assertTrue(host.contains(paragraph + "\n"), paragraph);
        }
        assertTrue(status.endsWith("\n\n"), "each paragraph is followed by a blank line, as dpkg writes it");
    }

    @Test
    void infoFilesOfTheContainedPackagesAsTheHostHasThem() throws Exception {
        Map<String, ExtraEntry> files = byPath(image());
        List<String> info = new ArrayList<>();
        for (String p : files.keySet()) {
            if (p.startsWith("/var/lib/dpkg/info/")) {
                info.add(p.substring("/var/lib/dpkg/info/".length()));
            }
        }
        assertEquals(List.of("base-passwd.list", "base-passwd.postinst", "bash.list", "bash.md5sums", "format",
                "libc6:amd64.list", "libc6:amd64.shlibs", "libc6:amd64.triggers", "mawk.list",
                "postgresql-common.list"), info);
        for (String name : info) {
            ExtraEntry f = files.get("/var/lib/dpkg/info/" + name);
            assertArrayEquals(Files.readAllBytes(DPKG.resolve("info/" + name)), f.content(), name);
            assertEquals(name.endsWith(".postinst") ? 0755 : 0644, f.mode(), name);
            assertEquals(0, f.gid());
        }
    }

    @Test
    void diversionsTriggersArchitecturesAndTheDirectoriesDpkgNeeds() throws Exception {
        ImageDatabase image = image();
        Map<String, ExtraEntry> files = byPath(image);
        assertEquals("/usr/bin/pg_config\n/usr/bin/pg_config.libpq-dev\npostgresql-common\n",
                text(files.get("/var/lib/dpkg/diversions")), "the local diversion of /etc/issue stays the host's");
        assertEquals("/usr/share/doc mawk/noawait\n", text(files.get("/var/lib/dpkg/triggers/File")));
        assertEquals("libc6:amd64\n", text(files.get("/var/lib/dpkg/triggers/ldconfig")));
        assertEquals("", text(files.get("/var/lib/dpkg/triggers/Unincorp")));
        assertTrue(!files.containsKey("/var/lib/dpkg/triggers/gawk-trigger"), "only gawk, not contained, wants it");
        assertEquals("amd64\ni386\n", text(files.get("/var/lib/dpkg/arch")));
        assertEquals(List.of("/var/lib/dpkg", "/var/lib/dpkg/alternatives", "/var/lib/dpkg/info", "/var/lib/dpkg/parts",
                "/var/lib/dpkg/triggers", "/var/lib/dpkg/updates"), image.directories());
        assertEquals("", image.warning());
    }

    @Test
    void theSameWhateverTheOrderOfThePackages() throws Exception {
        DpkgDatabase db = new DpkgDatabase(DebFixtures.ROOT, 0);
        List<InstalledPackage> all = new ArrayList<>(db.installedPackages());
        ImageDatabase sorted = db.imageDatabase(all);
        Collections.reverse(all);
        ImageDatabase reversed = db.imageDatabase(all);
        assertEquals(sorted.directories(), reversed.directories());
        assertEquals(sorted.files().size(), reversed.files().size());
        for (int i = 0; i < sorted.files().size(); i++) {
            assertEquals(sorted.files().get(i).path(), reversed.files().get(i).path());
            assertArrayEquals(sorted.files().get(i).content(), reversed.files().get(i).content());
        }
        String status = text(byPath(sorted).get("/var/lib/dpkg/status"));
        assertTrue(status.indexOf("Package: libc6\n") < status.indexOf("Package: libc6-dev\n"));
    }
}
