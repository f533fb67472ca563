package org.jsupermin.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * Excludefiles rules: the first matching pattern wins, aliases through directory links count, and
 * the literal head/tail shortcut never changes what plain fnmatch would say.
 */
class ExcludeRulesTest {

    private static final TreeMap<String, String> USRMERGE = new TreeMap<>(Map.of("/bin", "/usr/bin", "/lib", "/usr/lib"));

    @Test
    void theFirstMatchingPatternIsTheRule() {
        ExcludeRules rules = new ExcludeRules(List.of("/usr/share/doc/*", "*.gz", "/usr/share/*"), new TreeMap<>());
        assertEquals("/usr/share/doc/*", rules.match("/usr/share/doc/bash/changelog.gz"));
        assertEquals("*.gz", rules.match("/usr/share/man/man1/ls.1.gz"));
        assertEquals("/usr/share/*", rules.match("/usr/share/man"));
        assertNull(rules.match("/usr/bin/ls"));
    }

    @Test
    void aPathMatchesThroughTheDirectoryLinksThatLeadToIt() {
        ExcludeRules rules = new ExcludeRules(List.of("/bin/*sum", "/lib/firmware"), USRMERGE);
        assertEquals("/bin/*sum", rules.match("/usr/bin/md5sum"));
        assertEquals("/lib/firmware", rules.match("/usr/lib/firmware"));
        assertNull(rules.match("/usr/libexec/firmware"), "/usr/libexec is not under the /lib link's target");
        assertNull(rules.match("/usr/sbin/md5sum"));
    }

    @Test
    void theShortcutAgreesWithFnmatchOnTrickyPatterns() {
        List<String> patterns = List.of("abc", "/a*", "*c", "/a?c", "/a[bc]d", "/a[]x]d", "/a[!b]d", "/a\\*d", "/a*\\",
                "[unclosed", "/x]y*z]", "*", "", "/a*b*c", "/a[b-d]*e");
        List<String> texts = List.of("abc", "/abc", "/a", "/abd", "/acd", "/a]d", "/axd", "/a*d", "/aXd", "/a\\", "/ab\\",
                "[unclosed", "/x]yz]", "/x]y-z]", "", "/", "/abbc", "/acxe", "/ae", "c", "/ab/c");
        for (String p : patterns) {
            ExcludeRules rules = new ExcludeRules(List.of(p), new TreeMap<>());
            for (String t : texts) {
                assertEquals(Fnmatch.matches(p, t) ? p : null, rules.match(t), "pattern '" + p + "' on '" + t + "'");
            }
        }
    }
}
