package org.jsupermin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Errors (out of memory, stack overflow) end a run in one line naming the inputs. */
class ErrorsTest {

    private static String fatal(Error e, int verbosity) {
        StringWriter text = new StringWriter();
        PrintWriter err = new PrintWriter(text);
        SuperminCommand command = new SuperminCommand(err);
        command.build = true;
        command.arguments.add("/srv/supermin.d\u001b[31m");
        command.verbose = new boolean[verbosity];
        assertEquals(Errors.FAILURE, Errors.onFatal(e, command, err));
        return text.toString();
    }

    @Test
    void anErrorIsOneLineNamingTheInputs() {
        for (Error e : List.of(new OutOfMemoryError("Java heap space"), new StackOverflowError(), new InternalError("x"))) {
            String out = fatal(e, 1);
            assertEquals(1, out.lines().count(), out);
            assertTrue(out.startsWith("supermin: ") && out.contains("building from /srv/supermin.d\\x1b[31m"), out);
            assertFalse(out.contains("\tat "), out);
        }
        assertTrue(fatal(new OutOfMemoryError("Java heap space"), 1).contains("out of memory"));
        assertTrue(fatal(new StackOverflowError(), 2).contains("\tat "), "-vv shows the trace");
    }

    @Test
    void aLongPathIsShownByItsStartAndItsName() {
        String path = "/tmp/out" + "/a".repeat(2000) + "/file";
        String m = Errors.message(new java.nio.file.FileSystemException(path, null, "File name too long"));
        assertTrue(m.length() < 230 && m.startsWith("/tmp/out/a") && m.endsWith("/a/a/file: file name too long: with the"
                + " output's own path it passes the system's limit of 4095 bytes; write the output to a shorter path"), m);
    }
}
