package org.jsupermin.cli;

import java.util.Locale;

import org.jsupermin.tree.SizeReport;

/** {@code --size-report}: bytes per package and per excludefiles or --minimize rule, largest first, on standard error. */
final class SizeReports {

    private SizeReports() {
    }

    static void print(SizeReport report, Console console) {
        console.report("size report: bytes of content per package");
        long total = 0;
        for (SizeReport.Line l : report.packages()) {
            console.report(line(l));
            total += l.bytes();
        }
        console.report(String.format(Locale.ROOT, "%14d  %s", total, "total"));
        if (!report.excludes().isEmpty()) {
            console.report("size report: bytes removed per excludefiles or --minimize rule");
            for (SizeReport.Line l : report.excludes()) {
                console.report(line(l));
            }
        }
    }

    private static String line(SizeReport.Line l) {
        return String.format(Locale.ROOT, "%14d  %s", l.bytes(), l.name());
    }
}
