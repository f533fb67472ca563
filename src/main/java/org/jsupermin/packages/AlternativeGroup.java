package org.jsupermin.packages;

import java.util.List;

/**
 * An update-alternatives link group of a root, as its alternatives database records it.
 *
 * @param master the group's own link ("awk", "/usr/bin/awk")
 * @param slaves the links that follow the master's choice, in database order
 * @param choices the alternatives in the order an appliance prefers them: the root's own choice
 *     first when the group is in manual mode, then by priority, highest first (database order
 *     among equal priorities), as update-alternatives' auto mode chooses
 * @param hostChoice what the root has chosen (its {@code /etc/alternatives} link), or null
 */
public record AlternativeGroup(AlternativeLink master, List<AlternativeLink> slaves, List<AlternativeChoice> choices,
                               String hostChoice) {

    public AlternativeGroup {
        slaves = List.copyOf(slaves);
        choices = List.copyOf(choices);
    }
}
