package org.jsupermin.util;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** An exclusive advisory lock on a file, held for a whole build; others wait for it. */
public final class BuildLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private BuildLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Blocks until the lock on {@code file} (created if missing) is held. The file is a
     * well-known name, often in a directory others can write to, so it is never opened through a
     * symlink (which could make the build create or lock a file elsewhere), and must be a regular
     * file (opening a FIFO would block).
     */
    public static BuildLock acquire(Path file) throws IOException {
        if (Files.isSymbolicLink(file)) {
            throw new IOException("the lock file " + file + " is a symbolic link; give the path of a regular file"
                    + " (a symlink could point the lock anywhere)");
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("the lock file " + file + " exists and is not a regular file; give another path");
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (FileSystemException e) {
            if (Files.isSymbolicLink(file)) {
                throw new IOException("the lock file " + file + " is a symbolic link; give the path of a regular file"
                        + " (a symlink could point the lock anywhere)", e);
            }
            throw e;
        }
        try {
            return new BuildLock(channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
