package org.jsupermin.cli;

import java.io.PrintWriter;
import java.util.List;

import org.jsupermin.resolve.Resolution;

/** {@code --explain}: prints the chains that bring a package in; an error when it is not in the closure. */
final class Explain {

    private Explain() {
    }

    static void print(Resolution resolution, String pkg, PrintWriter out) throws CommandException {
        List<String> lines = resolution.explain(pkg);
        if (lines.isEmpty()) {
            // the command line is right; the answer is that nothing brings the package in
            throw new CommandException(pkg + " is not in the closure of " + String.join(" ", resolution.requested())
                    + ": no requested package depends on it");
        }
        lines.forEach(out::println);
        out.flush();
    }
}
