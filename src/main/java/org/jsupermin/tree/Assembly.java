package org.jsupermin.tree;

/**
 * An assembled appliance tree with its size accounting.
 *
 * @param tree the tree every format consumes
 * @param sizes bytes per package and per excludefiles rule
 */
public record Assembly(ApplianceTree tree, SizeReport sizes) {
}
