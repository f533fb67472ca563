package org.jsupermin.tree;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jsupermin.packages.PackageDatabaseException;

/**
 * The base images of an appliance, read one after the other on a background thread while the
 * package database is opened and the package files are assembled; each image's members, or its
 * error, are handed out in order, when the assembly gets to them.
 */
public final class BaseImagePrefetch implements java.io.Closeable {

    /** Per image read: its members ({@code List<TreeEntry>}) or the {@link TreeException} that ended the reading. */
    private final Background<List<Object>> task;

    /** Where the images' contents wait for the output. */
    private final Spool spool;

    private BaseImagePrefetch(List<Path> images, Spool spool) {
        this.spool = spool;
        this.task = Background.start("base-images", () -> read(images, spool));
    }

    private static List<Object> read(List<Path> images, Spool spool) throws IOException {
        List<Object> out = new ArrayList<>(images.size());
        for (Path image : images) {
            try {
                out.add(BaseImageReader.read(image, spool));
            } catch (TreeException e) {
                out.add(e);
                break;
            }
        }
        return out;
    }

    /**
     * Starts reading {@code images}; their large contents wait in a temporary file in the JVM's
     * temporary directory until the process ends.
     */
    public static BaseImagePrefetch start(List<Path> images) {
        return start(images, null);
    }

    /**
     * Starts reading {@code images}; their large contents wait in a temporary file in
     * {@code spoolDir} (null: the JVM's temporary directory) until {@link #close}. Close only once
     * the output is written: the tree's entries read their contents from there.
     */
    public static BaseImagePrefetch start(List<Path> images, Path spoolDir) {
        return new BaseImagePrefetch(List.copyOf(images), new Spool(spoolDir));
    }

    /** Removes the spooled contents (a reading still under way then fails, unheard). */
    @Override
    public void close() throws IOException {
        spool.close();
    }

    /** The members of image number {@code i}, as {@link BaseImageReader#read} gives them. */
    @SuppressWarnings("unchecked")
    List<TreeEntry> get(int i) throws TreeException, IOException, PackageDatabaseException {
        List<Object> all = task.join();
        Object result = all.get(i);
        if (result instanceof TreeException e) {
            throw e;
        }
        return (List<TreeEntry>) result;
    }
}
