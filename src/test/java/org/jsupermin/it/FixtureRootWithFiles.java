package org.jsupermin.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.TreeSet;

import org.jsupermin.testing.Tools;

/**
 * A copy of {@code test-fixtures/dpkg-root} with the files its packages list made real: each
 * listed path that is a prefix of another becomes a directory, every other one a small file
 * naming its package, unless the fixture already holds it.
 */
final class FixtureRootWithFiles {

    private FixtureRootWithFiles() {
    }

    /** Copies the fixture to {@code dir} (which must not exist) and fills in the listed files. */
    static Path copy(Path dir) throws IOException {
        Tools.run("cp", "-a", Path.of("test-fixtures/dpkg-root").toAbsolutePath().toString(), dir.toString())
                .orFail("copy the fixture root");
        Path info = dir.resolve("var/lib/dpkg/info");
        TreeSet<String> paths = new TreeSet<>();
        TreeSet<String> owners = new TreeSet<>();
        try (var lists = Files.list(info)) {
            for (Path list : lists.filter(p -> p.toString().endsWith(".list")).sorted().toList()) {
                String pkg = list.getFileName().toString().replaceAll("(:[a-z0-9]+)?\\.list$", "");
                for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                    String path = line.startsWith("/.") ? line.substring(2) : line;
                    if (path.isEmpty() || path.equals("/")) {
                        continue;
                    }
                    paths.add(path);
                    owners.add(path + "\t" + pkg);
                }
            }
        }
        for (String owned : owners) {
            String path = owned.substring(0, owned.indexOf('\t'));
            String pkg = owned.substring(owned.indexOf('\t') + 1);
            Path host = dir.resolve(path.substring(1));
            String next = paths.higher(path);
            boolean directory = next != null && next.startsWith(path + "/");
            if (Files.exists(host, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            if (directory) {
                Files.createDirectories(host);
            } else {
                Files.createDirectories(host.getParent());
                Files.writeString(host, pkg + " " + path + "\n", StandardCharsets.UTF_8);
            }
        }
        return dir;
    }
}
