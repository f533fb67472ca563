package org.jsupermin.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code --minimize}: what a minimal image leaves out of the packages' files, the way minimal
 * distribution images do with dpkg's path-exclude and path-include: documentation except the
 * copyright files (their licences ask for them), manual and info pages, and translations except
 * those of the languages asked for.
 *
 * @param locales the languages whose translations stay ("de", "pt_BR", "sr@latin")
 */
public record Minimize(List<String> locales) {

    /** What the rules remove, each under the label the size report shows. */
    private static final String[][] RULES = {
        {"/usr/share/doc/", "--minimize: /usr/share/doc/* (copyright files kept)"},
        {"/usr/share/man/", "--minimize: /usr/share/man/*"},
        {"/usr/share/info/", "--minimize: /usr/share/info/*"},
        {"/usr/share/locale/", "--minimize: /usr/share/locale/* (--locale ones kept)"},
    };

    public Minimize {
        List<String> plain = new ArrayList<>();
        for (String l : locales) {
            // "de_DE.UTF-8" names the same translations as "de_DE"
            int dot = l.indexOf('.');
            plain.add(dot < 0 ? l : l.substring(0, dot));
        }
        locales = List.copyOf(plain);
    }

    /**
     * The label of the rule that removes {@code path} by itself (before what must stay inside a
     * directory is considered), or null when no rule matches or the path is kept.
     */
    String rule(String path) {
        for (String[] r : RULES) {
            String dir = r[0];
            if (path.length() > dir.length() && path.startsWith(dir)) {
                return kept(dir, path.substring(dir.length())) ? null : r[1];
            }
        }
        return null;
    }

    /** Whether {@code rest}, the path below one of the rules' directories, stays. */
    private boolean kept(String dir, String rest) {
        if (dir.equals("/usr/share/doc/")) {
            // /usr/share/doc/PACKAGE/copyright
            int slash = rest.indexOf('/');
            return slash > 0 && rest.substring(slash + 1).equals("copyright");
        }
        if (dir.equals("/usr/share/locale/")) {
            int slash = rest.indexOf('/');
            return keepsLanguage(slash < 0 ? rest : rest.substring(0, slash));
        }
        return false;
    }

    /**
     * Whether the translation directory {@code name} (de, de_AT, sr@latin) belongs to an asked
     * language: the same name, one of its variants, or the language of an asked variant (gettext
     * falls back from pt_BR to pt).
     */
    boolean keepsLanguage(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (String l : locales) {
            String asked = l.toLowerCase(Locale.ROOT);
            if (n.equals(asked) || n.startsWith(asked + "_") || n.startsWith(asked + "@")) {
                return true;
            }
            int cut = indexOfAny(asked, "_@");
            if (cut > 0 && n.equals(asked.substring(0, cut))) {
                return true;
            }
        }
        return false;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
