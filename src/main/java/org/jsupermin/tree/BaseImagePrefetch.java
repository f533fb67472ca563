package org.jsupermin.tree;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.jsupermin.packages.PackageDatabaseException;

/**
 * The base images of an appliance, read one after the other on a background thread while the
 * package database is opened and the package files are assembled; each image's members, or its
 * error, are handed out in order, when the assembly gets to them.
 */
public final class BaseImagePrefetch {

    /** Per image read: its members ({@code List<TreeEntry>}) or the {@link TreeException} that ended the reading. */
    private final Background<List<Object>> task;

    private BaseImagePrefetch(List<Path> images) {
        this.task = Background.start("base-images", new Callable<List<Object>>() {
            @Override
            public List<Object> call() throws IOException {
                List<Object> out = new ArrayList<>(images.size());
                for (Path image : images) {
                    try {
                        out.add(BaseImageReader.read(image));
                    } catch (TreeException e) {
                        out.add(e);
                        break;
                    }
                }
                return out;
            }
        });
    }

    /** Starts reading {@code images}. */
    public static BaseImagePrefetch start(List<Path> images) {
        return new BaseImagePrefetch(List.copyOf(images));
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
