package org.jsupermin.format.kernel;

import java.io.IOException;
import java.io.InputStream;


/**
 * The initrd's /init: a static x86-64 program compiled from src/main/c/init.c at build time and
 * shipped as a class-path resource beside this class.
 */
public final class InitProgram {

    /** The resource name, relative to this package. */
    public static final String RESOURCE = "init";

    private InitProgram() {
    }

    /** The program's bytes. */
    public static byte[] bytes() throws KernelException {
        try (InputStream in = InitProgram.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new KernelException("the initrd's init program is missing from this build of jsupermin"
                        + " (resource org/jsupermin/format/kernel/init); rebuild with gcc and static libc installed");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new KernelException("reading the initrd's init program: " + e.getMessage(), e);
        }
    }
}
