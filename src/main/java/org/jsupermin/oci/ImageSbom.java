package org.jsupermin.oci;

import java.util.ArrayList;
import java.util.List;

import org.jsupermin.sbom.SbomFormat;
import org.jsupermin.tree.ApplianceTree;
import org.jsupermin.tree.ContentSource;
import org.jsupermin.tree.TreeEntry;

/**
 * The SBOM an image carries when {@code --sbom} asks for one: the build's document of the image's
 * packages (the same bytes as the {@code --sbom} file) as a file under {@value #DIR} (in the top
 * layer, as no package owns it) and as an OCI referrer of the image in the layout.
 */
final class ImageSbom {

    static final String DIR = "/usr/share/sbom";

    private ImageSbom() {
    }

    /** The file's path in the image: {@value #DIR}/NAME.spdx.json or NAME.cdx.json. */
    static String path(SbomFormat format, String name) {
        return DIR + "/" + name + (format == SbomFormat.SPDX ? ".spdx.json" : ".cdx.json");
    }

    /** The name of an image: its first tag's last path component, without the tag; "appliance" without tags. */
    static String name(List<String> tags) {
        if (tags.isEmpty()) {
            return "appliance";
        }
        String t = tags.get(0);
        String last = t.substring(t.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        return colon < 0 ? last : last.substring(0, colon);
    }

    /** {@code tree} with the document at {@code path} (root-owned, 0644) and the directories it needs. */
    static ApplianceTree withFile(ApplianceTree tree, String path, byte[] content, long epoch) {
        List<TreeEntry> entries = new ArrayList<>(tree.entries());
        for (int slash = path.indexOf('/', 1); slash > 0; slash = path.indexOf('/', slash + 1)) {
            String dir = path.substring(0, slash);
            if (tree.get(dir) == null) {
                entries.add(TreeEntry.directory(dir, 0755, epoch));
            }
        }
        entries.removeIf(e -> e.path().equals(path));
        entries.add(TreeEntry.file(path, 0644, epoch, content.length,
                new ContentSource.Bytes(content, "the image's SBOM " + path)));
        return ApplianceTree.of(entries);
    }
}
