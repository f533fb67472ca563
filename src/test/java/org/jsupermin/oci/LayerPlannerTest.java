package org.jsupermin.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsupermin.packages.Dependency;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.MultiArch;
import org.jsupermin.packages.PackageDetails;
import org.jsupermin.packages.PackageFile;
import org.jsupermin.testing.SampleTree;
import org.jsupermin.tree.ApplianceTree;
import org.jsupermin.tree.EntryType;
import org.jsupermin.tree.TreeEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerPlannerTest {

    @TempDir
    Path tmp;

    /** su and a-link belong to source "small"; b-link (a-link's hard link) and big.bin to "large". */
    private static PackageOwners owners() {
        return PackageOwners.of(Map.of("/usr/bin/su", "small", "/usr/bin/a-link", "small",
                        "/usr/bin/b-link", "large", "/usr/lib/big.bin", "large", "/usr/share/ro", "small"),
                Map.of("small", 10L, "large", 5_000L));
    }

    @Test
    void oneLayerIsTheWholeTree() throws Exception {
        ApplianceTree tree = SampleTree.tree(tmp);
        LayerPlan plan = LayerPlanner.plan(tree, owners(), 1);
        assertEquals(1, plan.layers().size());
        assertEquals(tree.entries(), plan.layers().get(0).entries());
    }

    @Test
    void largestGroupsGetTheirOwnLayersAndTheUnownedTheTop() throws Exception {
        ApplianceTree tree = SampleTree.tree(tmp);
        LayerPlan plan = LayerPlanner.plan(tree, owners(), 3);
        assertEquals(List.of("source package large", "source package small", TOP), descriptions(plan));
        assertEquals(List.of("/", "/usr", "/usr/bin", "/usr/bin/b-link", "/usr/lib", "/usr/lib/big.bin"),
                paths(plan.layers().get(0)));
        assertEquals(List.of("/", "/usr", "/usr/bin", "/usr/bin/a-link", "/usr/bin/su", "/usr/share",
                "/usr/share/ro"), paths(plan.layers().get(1)));
        List<String> top = paths(plan.layers().get(2));
        assertTrue(top.containsAll(List.of("/etc/passwd", "/bin", "/dev/null", "/usr/share/ro/inside")), top::toString);
        assertFalse(top.contains("/usr/bin/su") || top.contains("/usr/lib/big.bin"), top::toString);
        assertPartitionWithParents(tree, plan);
    }

    /**
     * --layers N: the top layer counts in N. The largest N-1 groups get a layer each, and the
     * rest are merged into the top layer with what no package owns.
     */
    @Test
    void theTopLayerCountsInNAndTakesTheSmallerGroups() throws Exception {
        ApplianceTree tree = SampleTree.tree(tmp);
        LayerPlan plan = LayerPlanner.plan(tree, owners(), 2);
        assertEquals(List.of("source package large", "source package small and " + TOP), descriptions(plan));
        List<String> top = paths(plan.layers().get(1));
        assertTrue(top.containsAll(List.of("/usr/bin/su", "/usr/bin/a-link", "/etc/passwd", "/dev/null")), top::toString);
        assertFalse(top.contains("/usr/lib/big.bin"), top::toString);
        assertPartitionWithParents(tree, plan);
    }

    @Test
    void withoutFilesNoPackageOwnsTheTopLayerHoldsOnlyTheSmallerGroups() throws Exception {
        ApplianceTree tree = SampleTree.tree(tmp);
        PackageOwners all = PackageOwners.of(Map.of("/usr/bin/su", "small", "/usr/lib/big.bin", "large"),
                Map.of("small", 10L, "large", 5_000L, "tiny", 1L));
        List<TreeEntry> owned = new ArrayList<>();
        for (TreeEntry e : tree.entries()) {
            if (e.path().equals("/") || List.of("/usr", "/usr/bin", "/usr/lib", "/usr/bin/su", "/usr/lib/big.bin").contains(e.path())) {
                owned.add(e);
            }
        }
        ApplianceTree small = ApplianceTree.of(owned);
        assertEquals(List.of("source package large", "source package small"),
                descriptions(LayerPlanner.plan(small, all, 2)));
        assertEquals(List.of("source package large", "source package small"),
                descriptions(LayerPlanner.plan(small, all, 5)));
    }

    @Test
    void aHardLinkWhoseFirstNameIsInAnotherLayerCarriesTheContent() throws Exception {
        ApplianceTree tree = SampleTree.tree(tmp);
        LayerPlan plan = LayerPlanner.plan(tree, owners(), 3);
        TreeEntry b = plan.layers().get(0).entries().stream().filter(e -> e.path().equals("/usr/bin/b-link"))
                .findFirst().orElseThrow();
        assertFalse(b.isHardLinkToEarlier());
        assertEquals(7, b.size());
        TreeEntry a = plan.layers().get(1).entries().stream().filter(e -> e.path().equals("/usr/bin/a-link"))
                .findFirst().orElseThrow();
        assertFalse(a.isHardLinkToEarlier());
    }

    @Test
    void sameInputSamePlanWhateverTheEntryOrder() throws Exception {
        LayerPlan a = LayerPlanner.plan(SampleTree.tree(tmp), owners(), 3);
        LayerPlan b = LayerPlanner.plan(SampleTree.shuffledTree(tmp, 7), owners(), 3);
        assertEquals(a.layers().size(), b.layers().size());
        for (int i = 0; i < a.layers().size(); i++) {
            assertEquals(paths(a.layers().get(i)), paths(b.layers().get(i)));
        }
    }

    @Test
    void packageListsFindTheirFilesThroughDirectorySymlinks() throws Exception {
        ApplianceTree tree = SampleTree.tree(tmp);
        InstalledPackage util = new InstalledPackage("util-bin", "1.0-1", "amd64", MultiArch.NO,
                List.<List<Dependency>>of(), List.of(), "");
        Map<InstalledPackage, List<PackageFile>> files = Map.of(util, List.of(
                new PackageFile("/bin", "/bin", false, null),
                new PackageFile("/bin/su", "/bin/su", false, null),
                new PackageFile("/bin/missing", "/bin/missing", false, null)));
        PackageDetails details = new PackageDetails("util", "1.0-1", 4096, "", "", "", new java.util.TreeMap<>(), "");
        PackageOwners owners = PackageOwners.of(tree, List.of(util), files, Map.of(util, details));
        assertEquals("util", owners.sourceOf("/usr/bin/su"));
        assertEquals("util", owners.sourceOf("/bin"));
        assertNull(owners.sourceOf("/usr/bin/ping"));
        assertEquals(4096L, owners.installedSizes().get("util"));
    }

    private static final String TOP = "files no package owns: base images, hostfiles, generated files and links";

    private static List<String> descriptions(LayerPlan plan) {
        List<String> d = new ArrayList<>();
        for (Layer l : plan.layers()) {
            d.add(l.description());
        }
        return d;
    }

    private static List<String> paths(Layer layer) {
        List<String> paths = new ArrayList<>();
        for (TreeEntry e : layer.entries()) {
            paths.add(e.path());
        }
        return paths;
    }

    /** Every entry is in some layer, every non-directory in exactly one, and every layer has its parents. */
    private static void assertPartitionWithParents(ApplianceTree tree, LayerPlan plan) {
        Set<String> seen = new HashSet<>();
        for (Layer layer : plan.layers()) {
            Set<String> here = new HashSet<>(paths(layer));
            for (TreeEntry e : layer.entries()) {
                assertEquals(e.hardLinkGroup() == null ? tree.get(e.path()) : e, e);
                if (e.parent() != null) {
                    assertTrue(here.contains(e.parent()), "parent of " + e.path());
                }
                if (e.type() != EntryType.DIRECTORY) {
                    assertTrue(seen.add(e.path()), e.path() + " in one layer only");
                }
                if (e.isHardLinkToEarlier()) {
                    assertTrue(here.contains(e.hardLinkGroup()));
                }
            }
            seen.addAll(here);
        }
        assertTrue(seen.containsAll(paths(new Layer("", tree.entries()))));
    }
}
