package org.jsupermin.ext2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import org.jsupermin.testing.FuzzScratch;

/**
 * Fuzzes the ext2 writer with trees described by {@link FuzzedTree} (seeds under
 * {@code Ext2WriterFuzzTestInputs}: the entry kinds of an appliance and the writer's limits).
 * Only {@link Ext2Exception} may come out; a failed write leaves no image and nothing else; an
 * image written twice from the same entries has the same bytes. {@code Ext2WriterFuzzTreesIT}
 * checks the images of these inputs with {@code e2fsck -fn}.
 */
class Ext2WriterFuzzTest {

    @FuzzTest
    void writeTree(byte[] data) throws Exception {
        try (FuzzScratch s = FuzzScratch.open()) {
            byte[] first = write(data, s.dir().resolve("a.img"));
            if (first == null) {
                s.assertOnly(List.of());
                return;
            }
            byte[] second = write(data, s.dir().resolve("b.img"));
            assertNotNull(second, "the second write of the same tree failed");
            assertArrayEquals(first, second, "two writes of the same tree differ");
            s.assertOnly(List.of("a.img", "b.img"));
            assertEquals(FuzzedTree.parse(data).sizeBytes(), Files.size(s.dir().resolve("a.img")));
        }
    }

    /** The SHA-256 of the image written for {@code data}, or null when the writer refused the tree. */
    static byte[] write(byte[] data, Path image) throws Exception {
        FuzzedTree tree = FuzzedTree.parse(data);
        try {
            tree.builder().write(image);
        } catch (Ext2Exception e) {
            assertNotNull(e.getMessage());
            return null;
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(image)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
            }
        }
        return sha.digest();
    }
}
