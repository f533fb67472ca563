package org.jsupermin.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The excludefiles patterns, matched against an appliance path and against each alias the path
 * has through a directory symlink ("/bin/ls" for "/usr/bin/ls" when /bin links to usr/bin).
 * Every path of the appliance is tried against every pattern, so two cheap tests come first: the
 * aliases are worked out once per path (not once per pattern), and a pattern's literal head and
 * tail are compared before fnmatch runs.
 */
public final class ExcludeRules {

    private final List<String> patterns;
    /** The text before a pattern's first wildcard, which every match starts with. */
    private final List<String> heads = new ArrayList<>();
    /** The text after a pattern's last wildcard, which every match ends with ("" if it has none). */
    private final List<String> tails = new ArrayList<>();
    /** Directory symlinks and their canonical targets, by link path. */
    private final List<Map.Entry<String, String>> links;

    /** The rules for {@code patterns} (in excludefiles order) through the directory {@code links}. */
    public ExcludeRules(List<String> patterns, SortedMap<String, String> links) {
        this.patterns = List.copyOf(patterns);
        this.links = List.copyOf(links.entrySet());
        for (String p : this.patterns) {
            int first = firstWildcard(p);
            heads.add(first < 0 ? p : p.substring(0, first));
            tails.add(first < 0 ? "" : p.substring(lastWildcard(p) + 1));
        }
    }

    /**
     * The first pattern (in excludefiles order) matching {@code path} itself or one of its
     * aliases, or null.
     */
    public String match(String path) {
        List<String> aliases = aliases(path);
        for (int i = 0; i < patterns.size(); i++) {
            if (matches(i, path)) {
                return patterns.get(i);
            }
            for (String alias : aliases) {
                if (matches(i, alias)) {
                    return patterns.get(i);
                }
            }
        }
        return null;
    }

    private boolean matches(int i, String text) {
        String head = heads.get(i);
        String tail = tails.get(i);
        return text.length() >= head.length() + tail.length() && text.startsWith(head) && text.endsWith(tail)
                && Fnmatch.matches(patterns.get(i), text);
    }

    /** The names {@code path} also has through the directory links, in link order. */
    private List<String> aliases(String path) {
        List<String> aliases = List.of();
        for (Map.Entry<String, String> link : links) {
            String target = link.getValue();
            if (path.length() > target.length() && path.charAt(target.length()) == '/' && path.startsWith(target)) {
                if (aliases.isEmpty()) {
                    aliases = new ArrayList<>(2);
                }
                aliases.add(link.getKey() + path.substring(target.length()));
            }
        }
        return aliases;
    }

    /** Index of the first character with a meaning to fnmatch ({@code * ? [ \}), or -1. */
    private static int firstWildcard(String p) {
        for (int i = 0; i < p.length(); i++) {
            if ("*?[\\".indexOf(p.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Index of the last character that may belong to a wildcard: also {@code ]}, which closes a
     * bracket expression, so that what follows is plain text.
     */
    private static int lastWildcard(String p) {
        for (int i = p.length() - 1; i >= 0; i--) {
            if ("*?[]\\".indexOf(p.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
