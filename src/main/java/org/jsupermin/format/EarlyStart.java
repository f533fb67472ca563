package org.jsupermin.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.jsupermin.tree.TreeEntry;
import org.jsupermin.tree.TreeInputs;

/**
 * A format's work begun before the package tree exists, owned by the build that asked for it
 * and closed by it in every case. The build calls, in order: {@link #stampInputs} and
 * {@link #watchedPaths} whenever it writes or checks a stamp; {@link #begin} once the staging
 * path is known and the build will write; {@link #excludes} once the appliance is read; then it
 * assembles the tree with {@link #extraTrees} and {@link #packageFilesFound}, and the format's
 * {@code write} finds this object in its context.
 */
public interface EarlyStart extends AutoCloseable {

    /** Lines of the {@code --if-newer} digest decided by this start (the kernel chosen). */
    default List<StampInput> stampInputs() {
        return List.of();
    }

    /** Files and directories whose state decided this start: the stamp watches them. */
    default List<Path> watchedPaths() throws FormatException {
        return List.of();
    }

    /** Begins the work in {@code staging} (which does not exist yet). */
    default void begin(Path staging) throws IOException {
    }

    /** Whether {@link #begin} was called. */
    default boolean begun() {
        return false;
    }

    /** The appliance's excludefiles patterns, once it is read. */
    default void excludes(List<String> patterns) {
    }

    /** Host directories the tree gets whole (the kernel's modules). */
    default List<TreeInputs.ExtraTree> extraTrees() {
        return List.of();
    }

    /** Told of the packages' regular files as the tree finds them, or null. */
    default Consumer<List<TreeEntry>> packageFilesFound() {
        return null;
    }

    /** Stops whatever still runs and releases what it holds; after a build or a failure. */
    @Override
    void close();
}
