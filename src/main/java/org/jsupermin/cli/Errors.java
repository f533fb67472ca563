package org.jsupermin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

import org.jsupermin.build.InvalidRequestException;
import org.jsupermin.util.IoErrors;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Turns every failure into one "supermin: message" line: exit status 2 for a usage error, 1 for the rest. */
final class Errors {

    static final int FAILURE = 1;
    /** A wrong command line (supermin's status for one). */
    static final int USAGE = 2;

    private Errors() {
    }

    /** A command line that picocli could not parse: the message and the synopsis. */
    static int onParameterError(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("supermin: " + e.getMessage());
        err.print(cl.getHelp().synopsis(0));
        err.println("Try 'supermin --help' for more information.");
        return USAGE;
    }

    /**
     * A failure raised while running {@code command}: a usage error ({@link UsageException}, a build's
     * {@link InvalidRequestException}) with the synopsis of
     * {@code cl} (built here when null, as only this error needs picocli), anything else on one line
     * with the stack trace at -vvv.
     */
    static int onExecutionError(Exception e, SuperminCommand command, PrintWriter err, CommandLine cl) {
        if (e instanceof UsageException || e instanceof InvalidRequestException) {
            CommandLine model = cl != null ? cl : CommandModel.commandLine(command);
            err.println("supermin: " + e.getMessage());
            err.print(model.getHelp().synopsis(0));
            err.println("Try 'supermin --help' for more information.");
            return USAGE;
        }
        err.println("supermin: " + message(e));
        if (command.verbosity() >= 3) {
            e.printStackTrace(err);
        }
        return FAILURE;
    }

    /**
     * An {@link Error} (out of memory, stack overflow, …) that ended the run: one line naming the
     * inputs, the stack trace only at -vv. Nothing else is done: the JVM may be short of memory.
     */
    static int onFatal(Error e, SuperminCommand command, PrintWriter err) {
        String inputs = command.arguments.isEmpty() ? "the command line" : Shown.of(String.join(" ", command.arguments));
        String what = command.prepare ? "preparing " : command.build ? "building from " : "reading ";
        String message;
        if (e instanceof OutOfMemoryError) {
            message = "out of memory while " + what + inputs + " (" + e.getMessage() + "): an input is larger than "
                    + "this build can hold; check it, or give Java more memory with JAVA_OPTS=-Xmx…";
        } else if (e instanceof StackOverflowError) {
            message = "an input nests too deeply while " + what + inputs + "; check it, or run with -vv and report it";
        } else {
            message = "internal error while " + what + inputs + " (" + Shown.of(String.valueOf(e))
                    + "); run with -vv and report it";
        }
        err.println("supermin: " + message);
        if (command.verbosity() >= 2) {
            e.printStackTrace(err);
        }
        err.flush();
        return FAILURE;
    }

    /** A one-line description of an exception, naming the file for I/O errors. */
    static String message(Throwable e) {
        if (e instanceof NoSuchFileException n) {
            return Shown.path(n.getFile()) + ": no such file or directory";
        }
        if (e instanceof AccessDeniedException a) {
            return Shown.path(a.getFile()) + ": permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return Shown.path(f.getFile()) + ": " + IoErrors.describe(f); // the reason, with what to do where known
        }
        if (e instanceof IOException && e.getMessage() == null) {
            return e.getClass().getSimpleName();
        }
        String m = e.getMessage();
        return m == null ? e.toString() : m;
    }
}
