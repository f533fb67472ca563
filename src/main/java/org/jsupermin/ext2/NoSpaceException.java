package org.jsupermin.ext2;

/** The block allocator ran out of free blocks; turned into an {@link Ext2Exception} with context. */
final class NoSpaceException extends Exception {

    NoSpaceException() {
        super("no free blocks left", null, false, false);
    }
}
