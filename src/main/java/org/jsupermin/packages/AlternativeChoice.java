package org.jsupermin.packages;

import java.util.List;

/**
 * One alternative of an update-alternatives group.
 *
 * @param path the file the master link points to when this alternative is chosen
 * @param priority its priority (the highest present one wins in auto mode)
 * @param slaveTargets for each slave of the group, in the group's order, the file that slave
 *     points to, or "" when this alternative has none
 */
public record AlternativeChoice(String path, int priority, List<String> slaveTargets) {

    public AlternativeChoice {
        slaveTargets = List.copyOf(slaveTargets);
    }
}
