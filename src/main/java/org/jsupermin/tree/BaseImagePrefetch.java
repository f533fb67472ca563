package org.jsupermin.tree;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The base images of an appliance, read one after the other on a background thread while the
 * package files are assembled; each image's members, or its error, are handed out in order.
 */
final class BaseImagePrefetch {

    /** Per image read: its members ({@code List<TreeEntry>}) or the {@link TreeException} that ended the reading. */
    private final FutureTask<List<Object>> task;

    private BaseImagePrefetch(List<Path> images) {
        this.task = new FutureTask<>(() -> {
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
        });
    }

    /** Starts reading {@code images}. */
    static BaseImagePrefetch start(List<Path> images) {
        BaseImagePrefetch p = new BaseImagePrefetch(List.copyOf(images));
        Thread t = new Thread(p.task, "base-images");
        t.setDaemon(true);
        t.start();
        return p;
    }

    /** The members of image number {@code i}, as {@link BaseImageReader#read} gives them. */
    @SuppressWarnings("unchecked")
    List<TreeEntry> get(int i) throws TreeException, IOException {
        List<Object> all;
        try {
            all = task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the base images");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
        Object result = all.get(i);
        if (result instanceof TreeException e) {
            throw e;
        }
        return (List<TreeEntry>) result;
    }
}
