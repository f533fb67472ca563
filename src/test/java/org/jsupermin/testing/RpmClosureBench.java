package org.jsupermin.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDatabase;
import org.jsupermin.packages.drivers.PackageDatabases;
import org.jsupermin.resolve.Resolver;
import org.redline_rpm.Builder;
import org.redline_rpm.header.Flags;
import org.redline_rpm.payload.Directive;

/**
 * bench/rpm-closure's two halves. {@code generate DIR N} writes N interlinked .rpm files (fixed
 * seed) into DIR: each requires a few packages (some versioned, some in cycles), a soname and a
 * file path (some through the /bin -> usr/bin link). {@code measure ROOT} opens ROOT's rpmdb
 * and resolves the full closure of every installed package in this one JVM, printing the time.
 */
public final class RpmClosureBench {

    private static final int FILES_PER_PACKAGE = 12;

    private RpmClosureBench() {
    }

    /** {@code generate DIR N} or {@code measure ROOT [ROUNDS]}. */
    public static void main(String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("generate")) {
            generate(Path.of(args[1]), Integer.parseInt(args[2]));
        } else if (args.length >= 2 && args[0].equals("measure")) {
            measure(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 3);
        } else {
            throw new IllegalArgumentException("usage: generate DIR N | measure ROOT [ROUNDS]");
        }
    }

    private static String name(int i) {
        return String.format("pkg%04d", i);
    }

    static void generate(Path dir, int n) throws Exception {
        Files.createDirectories(dir);
        Path content = Files.writeString(dir.resolve("content.txt"), "benchmark file\n");
        Random random = new Random(20261125L);
        for (int i = 0; i < n; i++) {
            Builder b = RpmRoot.builder(name(i), "1." + (i % 17), String.valueOf(1 + i % 3), i % 10 == 0 ? 2 : -1);
            if (i == 0) {
                b.addLink("/bin", "usr/bin", 0777);
            }
            for (int f = 0; f < FILES_PER_PACKAGE; f++) {
                b.addFile("/usr/share/" + name(i) + "/file" + f, content.toFile(), 0644, -1, Directive.NONE, "root", "root");
            }
            b.addFile("/usr/bin/tool" + i, content.toFile(), 0755, -1, Directive.NONE, "root", "root");
            b.addFile("/usr/lib64/lib" + name(i) + ".so.1", content.toFile(), 0755, -1, Directive.NONE, "root", "root");
            b.addProvides("lib" + name(i) + ".so.1()(64bit)", "");
            b.addProvides("virtual-" + (i % 50), "");
            if (i > 0) {
                int deps = 1 + random.nextInt(4);
                for (int d = 0; d < deps; d++) {
                    int target = random.nextInt(i);
                    if (d == 0) {
                        b.addDependency(name(target), Flags.GREATER | Flags.EQUAL, "1.0");
                    } else {
                        b.addDependency(name(target), 0, "");
                    }
                }
                int lib = random.nextInt(i);
                b.addDependency("lib" + name(lib) + ".so.1()(64bit)", 0, "");
                int tool = random.nextInt(i);
                b.addDependency((tool % 2 == 0 ? "/bin/tool" : "/usr/bin/tool") + tool, 0, "");
                b.addDependency("virtual-" + random.nextInt(Math.min(i, 50)), 0, "");
            }
            if (i % 25 == 0 && i + 5 < n) {
                b.addDependency(name(i + 5), 0, ""); // a cycle through a later package
            }
            b.build(dir.toFile());
        }
    }

    static void measure(Path root, int rounds) throws Exception {
        for (int round = 1; round <= rounds; round++) {
            long t0 = System.nanoTime();
            PackageDatabase db = PackageDatabases.detect(root);
            List<InstalledPackage> installed = db.installedPackages();
            long t1 = System.nanoTime();
            Resolver resolver = new Resolver(installed, db.versionScheme(), db.nativeArch());
            long closures = 0;
            long warnings = 0;
            List<String> names = new ArrayList<>();
            for (InstalledPackage p : installed) {
                names.add(p.name());
            }
            for (String name : names) {
                org.jsupermin.resolve.Resolution r = resolver.resolve(List.of(name));
                closures += r.closure().size();
                warnings += r.warnings().size();
            }
            long t2 = System.nanoTime();
            System.out.printf("round %d: %d packages, open %.1f ms, resolve every closure %.1f ms "
                            + "(%d packages in all closures, %d unsatisfied), total %.1f ms%n",
                    round, installed.size(), (t1 - t0) / 1e6, (t2 - t1) / 1e6, closures, warnings, (t2 - t0) / 1e6);
        }
    }
}
