package org.jsupermin.tree;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.jsupermin.packages.AlternativeChoice;
import org.jsupermin.packages.AlternativeGroup;
import org.jsupermin.packages.AlternativeLink;
import org.jsupermin.packages.ExtraEntry;
import org.jsupermin.util.Reporter;

/**
 * The update-alternatives links of an appliance: each group takes the first of its choices that
 * the appliance contains (what update-alternatives' auto mode would take had the appliance's
 * packages been installed alone, or the host's manual choice when the appliance has it), whatever
 * the host itself has selected.
 */
final class AlternativeLinks {

    /** What the appliance contains so far. */
    interface Contents {
        boolean has(String path) throws IOException;
    }

    private AlternativeLinks() {
    }

    /**
     * The links of every group with a choice in {@code contents}: the public link to
     * {@code /etc/alternatives/NAME} and that to the chosen file, for the master and for each
     * slave whose file the appliance has. Says at -v which file each group got.
     */
    static List<ExtraEntry> choose(List<AlternativeGroup> groups, Contents contents, Reporter reporter) throws IOException {
        List<ExtraEntry> links = new ArrayList<>();
        for (AlternativeGroup g : groups) {
            AlternativeChoice chosen = null;
            for (AlternativeChoice c : g.choices()) {
                if (contents.has(c.path())) {
                    chosen = c;
                    break;
                }
            }
            if (chosen == null) {
                continue;
            }
            add(g.master(), chosen.path(), links);
            for (int i = 0; i < g.slaves().size(); i++) {
                String target = chosen.slaveTargets().get(i);
                if (!target.isEmpty() && contents.has(target)) {
                    add(g.slaves().get(i), target, links);
                }
            }
            String name = g.master().name();
            if (g.hostChoice() == null || g.hostChoice().equals(chosen.path())) {
                reporter.info(1, "alternatives: " + name + " is " + chosen.path());
            } else {
                reporter.info(1, "alternatives: " + name + " is " + chosen.path() + " (priority " + chosen.priority()
                        + "; the host's " + g.hostChoice() + " is not in the appliance)");
            }
        }
        links.sort(ExtraEntry.BY_PATH);
        return links;
    }

    private static void add(AlternativeLink link, String target, List<ExtraEntry> out) {
        String altLink = "/etc/alternatives/" + link.name();
        out.add(ExtraEntry.symlink(link.link(), altLink, null));
        out.add(ExtraEntry.symlink(altLink, target, null));
    }
}
