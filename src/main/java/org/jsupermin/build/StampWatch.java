package org.jsupermin.build;

import java.nio.file.Path;
import java.util.List;

/**
 * What a stamp records so that a later {@code --if-newer} run can tell that nothing moved without
 * working out the digest: everything in the digest that is not a file's content (options, tool
 * version, package driver, kernel), the appliance's input files, and the files whose contents
 * went into the digest or decided the resolved packages.
 *
 * @param key the digest's parts that are not file contents, as text
 * @param inputs the appliance's input files, in reading order
 * @param files every file whose content decides the digest (inputs, package database files)
 * @param startedMillis when the build began, before any of them was read: a file changed since
 *     then (or just before) may have been read before its change, so its identity is not trusted
 */
record StampWatch(String key, List<Path> inputs, List<Path> files, long startedMillis) {

    StampWatch {
        inputs = List.copyOf(inputs);
        files = List.copyOf(files);
    }
}
