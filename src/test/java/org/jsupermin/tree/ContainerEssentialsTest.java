package org.jsupermin.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsupermin.packages.dpkg.DpkgDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warning for a container image without a shell or account files. */
class ContainerEssentialsTest {

    private static ApplianceTree tree(TreeEntry... extra) {
        List<TreeEntry> entries = new ArrayList<>(List.of(TreeEntry.directory("/", 0755, 0),
                TreeEntry.directory("/usr", 0755, 0), TreeEntry.directory("/usr/bin", 0755, 0),
                TreeEntry.symlink("/bin", "usr/bin", 0), TreeEntry.directory("/etc", 0755, 0)));
        entries.addAll(List.of(extra));
        return ApplianceTree.of(entries);
    }

    private static TreeEntry file(String path) {
        return TreeEntry.file(path, 0644, 0, 0, null);
    }

    @Test
    void nothingMissingWhenShellAndAccountsResolve() {
        ApplianceTree t = tree(file("/usr/bin/dash"), TreeEntry.symlink("/usr/bin/sh", "dash", 0), file("/etc/passwd"),
                file("/etc/group"));
        assertEquals(List.of(), ContainerEssentials.missing(t));
    }

    @Test
    void aDanglingShellLinkCountsAsMissing() {
        ApplianceTree t = tree(TreeEntry.symlink("/usr/bin/sh", "dash", 0), file("/etc/passwd"), file("/etc/group"));
        assertEquals(List.of("/bin/sh"), ContainerEssentials.missing(t));
    }

    @Test
    void anUnreadableFileListLeavesTheAdviceOutNotTheWarning(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("root");
        Path fixture = Path.of("test-fixtures/dpkg-root");
        try (var s = Files.walk(fixture)) {
            for (Path p : s.toList()) {
                Path to = root.resolve(fixture.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else if (!p.getFileName().toString().equals("mawk.list")) {
                    Files.copy(p, to, LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
        DpkgDatabase db = new DpkgDatabase(root, 0);
        // (/bin/sh is looked up in the file lists; /etc/group alone would be answered by base-passwd's
        // generated accounts without reading any list)
        assertEquals("the image has no /bin/sh or /etc/group: a Dockerfile RUN or a shell-form docker run command"
                        + " fails and a USER or docker run --user naming a user fails",
                ContainerEssentials.warning(tree(file("/etc/passwd")), db));
    }

    @Test
    void theWarningNamesWhatIsMissingAndThePackagesThatProvideIt() throws Exception {
        // the fixture root has no dash: nothing provides /bin/sh; base-passwd makes the account files
        DpkgDatabase db = new DpkgDatabase(Path.of("test-fixtures/dpkg-root"), 0);
        assertEquals("the image has no /bin/sh or /etc/passwd or /etc/group: a Dockerfile RUN or a shell-form docker run"
                + " command fails and a USER or docker run --user naming a user fails; add base-passwd to the packages,"
                + " and no installed package provides /bin/sh", ContainerEssentials.warning(tree(), db));
        assertEquals("the image has no /etc/group: a USER or docker run --user naming a user fails; add base-passwd to"
                + " the packages", ContainerEssentials.warning(tree(file("/usr/bin/sh"), file("/etc/passwd")), db));
        assertEquals("", ContainerEssentials.warning(tree(file("/usr/bin/sh"), file("/etc/passwd"), file("/etc/group")),
                db));
    }
}
