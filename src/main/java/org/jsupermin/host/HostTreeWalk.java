package org.jsupermin.host;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import org.jsupermin.util.AbsolutePaths;
import org.jsupermin.util.PathOrder;
import org.jsupermin.util.RawPaths;

/**
 * A host directory tree read whole (the kernel's modules for ext2): one lstat per name, which
 * also says whether to descend, symlinks kept as links. It can run on another thread before the
 * rest of the tree is known; the tree builder then takes its names as they are.
 */
public final class HostTreeWalk {

    /**
     * One name found.
     *
     * @param path its appliance path (before canonicalisation)
     * @param host the host path
     * @param stat its lstat
     * @param linkTarget a symlink's target, null for anything else
     * @param readable false for a regular file or directory this process cannot read (left out,
     *     with a warning)
     */
    public record Walked(String path, Path host, HostStat stat, String linkTarget, boolean readable) {
    }

    /** A directory's entry, its name taken once (sorting compares names many times). */
    private record Child(String name, Path host) {
        static final Comparator<Child> BY_NAME = (a, b) -> PathOrder.compare(a.name, b.name);
    }

    private HostTreeWalk() {
    }

    /**
     * Everything under {@code hostDir} (itself included) at {@code appliancePath} and below, in
     * path order, each name also handed to {@code visitor} as soon as it is found (a directory's
     * names are sorted before it is descended). Names removed while walking are left out.
     *
     * @throws NoSuchFileException when {@code hostDir} does not exist
     */
    public static List<Walked> walk(Path hostDir, String appliancePath, Consumer<Walked> visitor) throws IOException {
        List<Walked> found = new ArrayList<>();
        HostStat top = HostStat.of(hostDir);
        add(found, visitor, hostDir, AbsolutePaths.normalize(appliancePath), top);
        return found;
    }

    private static void add(List<Walked> found, Consumer<Walked> visitor, Path host, String path, HostStat st)
            throws IOException {
        if (!st.isDirectory()) {
            boolean readable = !st.isRegularFile() || Files.isReadable(host);
            String target = st.isSymbolicLink() ? Files.readSymbolicLink(host).toString() : null;
            emit(found, visitor, new Walked(path, host, st, target, readable));
            return;
        }
        List<Child> children = new ArrayList<>();
        try (DirectoryStream<Path> list = Files.newDirectoryStream(host)) {
            for (Path child : list) {
                children.add(new Child(RawPaths.fileName(child), child));
            }
        } catch (NoSuchFileException e) {
            return; // removed while walking
        } catch (AccessDeniedException e) {
            emit(found, visitor, new Walked(path, host, st, null, false));
            return;
        }
        emit(found, visitor, new Walked(path, host, st, null, true));
        String prefix = path.equals("/") ? "/" : path + "/";
        children.sort(Child.BY_NAME);
        for (Child child : children) {
            HostStat cs;
            try {
                cs = HostStat.of(child.host());
            } catch (NoSuchFileException e) {
                continue;
            }
            add(found, visitor, child.host(), prefix + child.name(), cs);
        }
    }

    private static void emit(List<Walked> found, Consumer<Walked> visitor, Walked w) {
        found.add(w);
        visitor.accept(w);
    }
}
