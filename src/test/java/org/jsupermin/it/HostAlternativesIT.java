package org.jsupermin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jsupermin.testing.Tools;
import org.jsupermin.testing.Tools.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The appliance's update-alternatives links do not depend on what the host has selected: each
 * group takes the highest-priority alternative the appliance has (the host's manual choice when
 * the appliance has it), in chroot, tar and ext2 outputs. The host's awk is switched between gawk
 * and mawk with update-alternatives and restored afterwards; update-alternatives --query is the
 * oracle for every other group.
 */
class HostAlternativesIT {

    @TempDir
    static Path tmp;

    /** bash, coreutils and mawk: gawk is not in it. */
    private static Path mawkOnly;
    /** Both awks and more groups (pager, editor, which, builtins.7.gz). */
    private static Path both;
    private static String savedStatus;
    private static String savedValue;

    @BeforeAll
    static void prepare() {
        Tools.requireTool("update-alternatives", "/usr/bin/update-alternatives", "apt-get install dpkg");
        for (String awk : List.of("/usr/bin/gawk", "/usr/bin/mawk")) {
            Tools.requireTool(awk.substring(awk.lastIndexOf('/') + 1), awk, "apt-get install gawk mawk");
        }
        Map<String, String> awk = query("awk").fields();
        savedStatus = awk.get("Status");
        savedValue = awk.get("Value");
        mawkOnly = tmp.resolve("mawk.d");
        Tools.jsupermin("--prepare", "--use-installed", "bash", "coreutils", "mawk", "-o", mawkOnly.toString())
                .orFail("prepare mawk");
        both = tmp.resolve("both.d");
        Tools.jsupermin("--prepare", "--use-installed", "bash", "coreutils", "mawk", "gawk", "less", "ed",
                "-o", both.toString()).orFail("prepare both");
    }

    @AfterAll
    static void restoreTheHost() {
        if ("manual".equals(savedStatus)) {
            Tools.run("update-alternatives", "--set", "awk", savedValue).orFail("restoring awk");
        } else if (savedStatus != null) {
            Tools.run("update-alternatives", "--auto", "awk").orFail("restoring awk");
        }
    }

    @Test
    void gawkSelectedOnTheHost() throws IOException {
        appliancesHaveTheirOwnAwk("/usr/bin/gawk");
    }

    @Test
    void mawkSelectedOnTheHost() throws IOException {
        appliancesHaveTheirOwnAwk("/usr/bin/mawk");
    }

    @Test
    void ifNewerRebuildsWhenTheHostsManualChoiceChanges() throws IOException {
        Path out = tmp.resolve("if-newer-both");
        String[] build = {"--build", "-v", "--if-newer", "-f", "chroot", both.toString(), "-o", out.toString()};
        Tools.run("update-alternatives", "--set", "awk", "/usr/bin/gawk").orFail("selecting gawk");
        Tools.jsupermin(build).orFail("first build");
        assertEquals("/usr/bin/gawk", Files.readSymbolicLink(out.resolve("etc/alternatives/awk")).toString());
        assertTrue(Tools.jsupermin(build).orFail("again").stdout().contains("output does not need rebuilding"));
        Tools.run("update-alternatives", "--set", "awk", "/usr/bin/mawk").orFail("selecting mawk");
        Result r = Tools.jsupermin(build).orFail("after the host's choice changed");
        assertTrue(r.stdout().contains("if-newer: rebuilding because"), r.stdout());
        assertEquals("/usr/bin/mawk", Files.readSymbolicLink(out.resolve("etc/alternatives/awk")).toString());
    }

    private void appliancesHaveTheirOwnAwk(String hostAwk) throws IOException {
        Tools.run("update-alternatives", "--set", "awk", hostAwk).orFail("selecting " + hostAwk);
        assertEquals(hostAwk, Files.readSymbolicLink(Path.of("/etc/alternatives/awk")).toString());
        String name = hostAwk.substring(hostAwk.lastIndexOf('/') + 1);

        // without gawk in the appliance, awk is mawk whatever the host has chosen, and runs
        Path chroot = build(mawkOnly, "chroot", "mawk-" + name);
        Result v = Tools.jsupermin("--build", "-v", "-f", "chroot", mawkOnly.toString(), "-o", chroot.toString())
                .orFail("verbose rebuild");
        assertTrue(v.stdout().contains("supermin: alternatives: awk is /usr/bin/mawk"), v.stdout());
        assertEquals("/usr/bin/mawk", Files.readSymbolicLink(chroot.resolve("etc/alternatives/awk")).toString());
        Result hi = Tools.run("chroot", chroot.toString(), "/bin/bash", "-c", "echo hi | awk '{print $1}'");
        assertEquals("hi\n", hi.orFail("awk in the chroot").stdout());
        Map<String, String> expected = expectedLinks(chroot);
        assertEquals("/usr/bin/mawk", expected.get("/etc/alternatives/awk"));
        assertEquals(expected, links(chroot, expected), "chroot links");
        assertEquals(expected, tarLinks(build(mawkOnly, "tar", "mawk-" + name + ".tar"), expected), "tar links");
        assertEquals(expected, ext2Links(build(mawkOnly, "ext2", "mawk-" + name + ".ext2"), expected), "ext2 links");

        // with both, awk is the host's manual choice; every other group follows the oracle
        Path chrootBoth = build(both, "chroot", "both-" + name);
        Map<String, String> expectedBoth = expectedLinks(chrootBoth);
        assertEquals(hostAwk, expectedBoth.get("/etc/alternatives/awk"));
        for (String group : List.of("awk", "pager", "editor")) {
            assertTrue(expectedBoth.containsKey("/etc/alternatives/" + group), group + " in " + expectedBoth);
        }
        assertEquals(expectedBoth, links(chrootBoth, expectedBoth), "chroot links");
        assertEquals(expectedBoth, tarLinks(build(both, "tar", "both-" + name + ".tar"), expectedBoth), "tar links");
        assertEquals(expectedBoth, ext2Links(build(both, "ext2", "both-" + name + ".ext2"), expectedBoth), "ext2 links");
    }

    private static Path build(Path d, String format, String name) {
        Path out = tmp.resolve(name);
        Tools.jsupermin("--build", "-f", format, d.toString(), "-o", out.toString()).orFail("build " + name);
        return out;
    }

    /** One group as update-alternatives --query prints it. */
    private record Query(Map<String, String> fields, List<String> slaveLinks, List<Map<String, String>> alternatives) {
    }

    private static Query query(String group) {
        String out = Tools.run("update-alternatives", "--query", group).orFail("query " + group).stdout();
        Map<String, String> fields = new TreeMap<>();
        List<String> slaveLinks = new ArrayList<>();
        List<Map<String, String>> alternatives = new ArrayList<>();
        Map<String, String> current = fields;
        boolean inSlaves = false;
        for (String line : out.split("\n")) {
            if (line.isEmpty()) {
                inSlaves = false;
                continue;
            }
            if (line.startsWith(" ")) {
                String[] nameAndPath = line.strip().split(" ", 2);
                if (current == fields && inSlaves) {
                    slaveLinks.add(nameAndPath[0] + " " + nameAndPath[1]);
                } else {
                    current.put("slave " + nameAndPath[0], nameAndPath[1]);
                }
                continue;
            }
            int colon = line.indexOf(':');
            String key = line.substring(0, colon);
            String value = line.substring(colon + 1).strip();
            if (key.equals("Alternative")) {
                current = new TreeMap<>();
                alternatives.add(current);
            }
            current.put(key, value);
            inSlaves = key.equals("Slaves");
        }
        return new Query(fields, slaveLinks, alternatives);
    }

    /**
     * The links update-alternatives would make in this appliance, by the oracle: for every host
     * group with an alternative in the appliance, the manual choice when the appliance has it,
     * else the highest priority one it has; its master link and the slaves whose files it has.
     */
    private static Map<String, String> expectedLinks(Path chroot) {
        String selections = Tools.run("update-alternatives", "--get-selections").orFail("selections").stdout();
        Map<String, String> links = new TreeMap<>();
        for (String line : selections.split("\n")) {
            String group = line.split("\\s+")[0];
            Query q = query(group);
            Map<String, String> chosen = null;
            for (Map<String, String> a : q.alternatives()) {
                if (!has(chroot, a.get("Alternative"))) {
                    continue;
                }
                if (q.fields().get("Status").equals("manual") && a.get("Alternative").equals(q.fields().get("Value"))) {
                    chosen = a;
                    break;
                }
                if (chosen == null || Integer.parseInt(a.get("Priority")) > Integer.parseInt(chosen.get("Priority"))) {
                    chosen = a;
                }
            }
            if (chosen == null) {
                continue;
            }
            links.put(q.fields().get("Link"), "/etc/alternatives/" + group);
            links.put("/etc/alternatives/" + group, chosen.get("Alternative"));
            for (String slave : q.slaveLinks()) {
                String[] nameAndLink = slave.split(" ", 2);
                String target = chosen.get("slave " + nameAndLink[0]);
                if (target != null && has(chroot, target)) {
                    links.put(nameAndLink[1], "/etc/alternatives/" + nameAndLink[0]);
                    links.put("/etc/alternatives/" + nameAndLink[0], target);
                }
            }
        }
        return links;
    }

    private static boolean has(Path chroot, String path) {
        return Files.exists(chroot.resolve(path.substring(1)), LinkOption.NOFOLLOW_LINKS);
    }

    /** The symlink targets of {@code expected}'s paths in a chroot (absent ones left out). */
    private static Map<String, String> links(Path chroot, Map<String, String> expected) throws IOException {
        Map<String, String> got = new TreeMap<>();
        for (String path : expected.keySet()) {
            Path p = chroot.resolve(path.substring(1));
            if (Files.isSymbolicLink(p)) {
                got.put(path, Files.readSymbolicLink(p).toString());
            }
        }
        return got;
    }

    /** The same, from GNU tar's listing of the archive (the paths as the tree has them, usrmerged). */
    private static Map<String, String> tarLinks(Path tar, Map<String, String> expected) {
        Map<String, String> all = new TreeMap<>();
        for (String line : Tools.run("tar", "-tvf", tar.toString()).orFail("tar -tvf").stdout().split("\n")) {
            int arrow = line.indexOf(" -> ");
            if (line.startsWith("l") && arrow > 0) {
                String name = line.substring(0, arrow);
                name = name.substring(name.indexOf(" ./") >= 0 ? name.indexOf(" ./") + 2 : name.lastIndexOf(' ') + 1);
                all.put(name.startsWith("/") ? name : "/" + name, line.substring(arrow + 4));
            }
        }
        Map<String, String> got = new TreeMap<>();
        for (String path : expected.keySet()) {
            String inTree = usrmerged(path);
            if (all.containsKey(inTree)) {
                got.put(path, all.get(inTree));
            }
        }
        return got;
    }

    /** The same, from debugfs's view of the ext2 root image. */
    private static Map<String, String> ext2Links(Path appliance, Map<String, String> expected) {
        Map<String, String> got = new TreeMap<>();
        for (String path : expected.keySet()) {
            Result r = Tools.run("debugfs", "-R", "stat " + usrmerged(path), appliance.resolve("root").toString());
            int at = r.stdout().indexOf("Fast link dest: \"");
            if (at >= 0) {
                int start = at + "Fast link dest: \"".length();
                got.put(path, r.stdout().substring(start, r.stdout().indexOf('"', start)));
            }
        }
        assertFalse(got.isEmpty(), "no alternatives link found in " + appliance);
        return got;
    }

    /** Where a path is in a usrmerged tree (the host's /bin, /sbin and /lib are links into /usr). */
    private static String usrmerged(String path) {
        for (String top : List.of("/bin/", "/sbin/", "/lib/", "/lib64/")) {
            if (path.startsWith(top) && Files.isSymbolicLink(Path.of(top.substring(0, top.length() - 1)))) {
                return "/usr" + path;
            }
        }
        return path;
    }
}
