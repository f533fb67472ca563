package org.jsupermin.tree;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What each package contributes to the appliance and what each excludefiles rule removed, in
 * bytes of regular-file content, largest first (ties by name).
 *
 * @param packages package name and bytes
 * @param excludes "-pattern" and bytes removed
 */
public record SizeReport(List<Line> packages, List<Line> excludes) {

    /**
     * One line of the report.
     *
     * @param name a package name or an excludefiles rule
     * @param bytes bytes of content
     */
    public record Line(String name, long bytes) {
    }

    static SizeReport of(Map<String, Long> perPackage, Map<String, Long> perRule) {
        return new SizeReport(sorted(perPackage), sorted(perRule));
    }

    private static List<Line> sorted(Map<String, Long> map) {
        List<Line> lines = new ArrayList<>();
        map.forEach((k, v) -> lines.add(new Line(k, v)));
        lines.sort(Comparator.comparingLong(Line::bytes).reversed().thenComparing(Line::name));
        return List.copyOf(lines);
    }
}
