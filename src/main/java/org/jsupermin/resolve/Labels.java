package org.jsupermin.resolve;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsupermin.packages.InstalledPackage;

/** How packages of one closure are named in messages: "name", or "name:arch" when the name is ambiguous. */
final class Labels {

    private final Map<String, Integer> counts = new HashMap<>();

    Labels(List<InstalledPackage> closure) {
        for (InstalledPackage p : closure) {
            counts.merge(p.name(), 1, Integer::sum);
        }
    }

    String of(InstalledPackage p) {
        return counts.getOrDefault(p.name(), 0) > 1 ? p.id() : p.name();
    }
}
