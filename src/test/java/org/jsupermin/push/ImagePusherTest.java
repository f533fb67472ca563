package org.jsupermin.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jsupermin.testing.TestLayouts;
import org.jsupermin.testing.TestLayouts.LayerFile;
import org.jsupermin.testing.TestLayouts.Layout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which image of a layout a push sends. */
class ImagePusherTest {

    @TempDir
    Path tmp;

    private Layout layout(String name, String content) throws Exception {
        return TestLayouts.image(tmp.resolve(name), null, List.of("/x"),
                List.of(List.of(new LayerFile("x", 0755, content.getBytes(StandardCharsets.UTF_8)))));
    }

    /** Lists the image of {@code layout} once per name in its index, as -f oci does for each --tag, plus its referrer. */
    private void listUnderNames(Layout layout, String... names) throws Exception {
        Path index = layout.dir().resolve("index.json");
        String text = Files.readString(index);
        int start = text.indexOf("[{") + 1;
        String entry = text.substring(start, text.indexOf('}', start) + 1);
        List<String> entries = new ArrayList<>();
        for (String n : names) {
            entries.add(entry.replace("}", ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"" + n + "\"}}"));
        }
        Files.writeString(index, text.replace(entry, String.join(",", entries)));
    }

    @Test
    void oneImageListedOncePerTagIsThatImageWithItsReferrer() throws Exception {
        Layout l = layout("tags", "x");
        listUnderNames(l, "reg.lan/app:1", "reg.lan/app:latest");
        String referrer = TestLayouts.addReferrer(l, "application/spdx+json", "{}".getBytes(StandardCharsets.UTF_8));
        List<LayoutManifest> referrers = new ArrayList<>();
        LayoutManifest m = ImagePusher.chooseImage(OciLayout.open(l.dir()), ImageReference.parse("other.lan/x:9"), referrers);
        assertEquals(l.manifestDigest(), m.descriptor().digest());
        assertEquals(List.of(referrer), referrers.stream().map(r -> r.descriptor().digest()).toList());
    }

    @Test
    void severalImagesAreChosenByRefNameOrRefused() throws Exception {
        Layout a = layout("a", "a");
        Layout b = layout("b", "b");
        Files.copy(b.dir().resolve("blobs/sha256/" + b.manifestDigest().substring(7)),
                a.dir().resolve("blobs/sha256/" + b.manifestDigest().substring(7)));
        String index = Files.readString(a.dir().resolve("index.json"));
        String bIndex = Files.readString(b.dir().resolve("index.json"));
        String bEntry = bIndex.substring(bIndex.indexOf("[{") + 1, bIndex.lastIndexOf("]"));
        Files.writeString(a.dir().resolve("index.json"), index.replace("}]", "," + "\"annotations\":{\"org.opencontainers.image.ref.name\":\"reg.lan/app:1\"}}," + bEntry.replace("}", ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"reg.lan/app:2\"}}") + "]"));
        OciLayout layout = OciLayout.open(a.dir());
        assertEquals(b.manifestDigest(), ImagePusher.chooseImage(layout, ImageReference.parse("reg.lan/app:2"), new ArrayList<>())
                .descriptor().digest());
        assertEquals(a.manifestDigest(), ImagePusher.chooseImage(layout, ImageReference.parse("reg.lan/app:1"), new ArrayList<>())
                .descriptor().digest());
        PushException e = assertThrows(PushException.class,
                () -> ImagePusher.chooseImage(layout, ImageReference.parse("reg.lan/app:3"), new ArrayList<>()));
        assertTrue(e.getMessage().contains("holds 2 images (reg.lan/app:1, reg.lan/app:2)"), e.getMessage());
    }
}
