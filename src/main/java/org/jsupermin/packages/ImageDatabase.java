package org.jsupermin.packages;

import java.util.ArrayList;
import java.util.List;
import org.jsupermin.util.PathOrder;

/**
 * The package database an image carries about exactly the packages it contains (dpkg's status
 * and info files, apk's installed database, pacman's local database), so that the distribution's
 * tools and vulnerability scanners inside or reading the image see those packages.
 *
 * @param directories absolute paths of the directories the database needs, even when empty, in
 *     path order
 * @param files the database's files (root-owned regular files: content and mode), in path order
 * @param warning one line saying what the image lacks when the backend cannot write its database
 *     ("" when it can)
 */
public record ImageDatabase(List<String> directories, List<ExtraEntry> files, String warning) {

    public ImageDatabase {
        List<String> dirs = new ArrayList<>(directories);
        dirs.sort(PathOrder.COMPARATOR);
        directories = List.copyOf(dirs);
        List<ExtraEntry> sorted = new ArrayList<>(files);
        sorted.sort(ExtraEntry.BY_PATH);
        files = List.copyOf(sorted);
    }

    /** No database in the image, for the reason {@code warning} gives. */
    public static ImageDatabase none(String warning) {
        return new ImageDatabase(List.of(), List.of(), warning);
    }
}
