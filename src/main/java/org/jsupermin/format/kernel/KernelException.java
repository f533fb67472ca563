package org.jsupermin.format.kernel;

/** Choosing the kernel, reading its modules or writing the initrd failed for a reason the user can act on. */
public class KernelException extends Exception {

    public KernelException(String message) {
        super(message);
    }

    public KernelException(String message, Throwable cause) {
        super(message, cause);
    }
}
