package org.jsupermin.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jsupermin.testing.TestLayouts;
import org.jsupermin.testing.TestLayouts.LayerFile;
import org.jsupermin.testing.TestLayouts.Layout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A layout is read without trusting it: damage is one line saying to build again. */
class OciLayoutTest {

    @TempDir
    Path tmp;

    private Layout layout() throws Exception {
        return TestLayouts.image(tmp.resolve("l"), "reg.lan/app:1", List.of("/x"),
                List.of(List.of(new LayerFile("x", 0755, "x".getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    void readsTheImageAndItsBlobs() throws Exception {
        Layout l = layout();
        OciLayout layout = OciLayout.open(l.dir());
        assertEquals(1, layout.index().size());
        LayoutManifest m = layout.manifest(layout.index().get(0));
        assertEquals(l.manifestDigest(), m.descriptor().digest());
        assertEquals(l.configDigest(), m.blobs().get(0).digest());
        assertEquals(l.layerDigests(), List.of(m.blobs().get(1).digest()));
        assertEquals("reg.lan/app:1", m.annotation("org.opencontainers.image.ref.name"));
        assertEquals(null, m.subject());
    }

    @Test
    void notALayout() {
        PushException e = assertThrows(PushException.class, () -> OciLayout.open(tmp));
        assertTrue(e.getMessage().contains("is not an OCI image layout"), e.getMessage());
    }

    @Test
    void aMissingOrShortBlobOrAnAlteredManifest() throws Exception {
        Layout l = layout();
        Path layer = l.dir().resolve("blobs/sha256/" + l.layerDigests().get(0).substring(7));
        OciLayout layout = OciLayout.open(l.dir());
        LayoutManifest m = layout.manifest(layout.index().get(0));
        Files.write(layer, new byte[] {1});
        PushException e = assertThrows(PushException.class, () -> layout.blob(m.blobs().get(1)));
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
        Files.delete(layer);
        e = assertThrows(PushException.class, () -> layout.blob(m.blobs().get(1)));
        assertTrue(e.getMessage().contains("is missing"), e.getMessage());
        Path manifest = l.dir().resolve("blobs/sha256/" + l.manifestDigest().substring(7));
        String text = Files.readString(manifest);
        Files.writeString(manifest, text.replace("\"schemaVersion\":2", "\"schemaVersion\":3"));
        e = assertThrows(PushException.class, () -> layout.manifest(layout.index().get(0)));
        assertTrue(e.getMessage().contains("does not have the digest"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aBadDigestInTheIndexIsRefused() throws Exception {
        Layout l = layout();
        Path index = l.dir().resolve("index.json");
        Files.writeString(index, Files.readString(index).replace(l.manifestDigest(), "sha256:../../../etc/passwd"));
        PushException e = assertThrows(PushException.class, () -> OciLayout.open(l.dir()));
        assertTrue(e.getMessage().contains("is not sha256:<64 hex digits>"), e.getMessage());
    }
}
