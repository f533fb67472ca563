package org.jsupermin.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The digest against the JDK's SHA-256 as the oracle, and the standard's own examples. */
class Sha256Test {

    private static byte[] jdk(byte[] data, int off, int len) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(data, off, len);
        return md.digest();
    }

    @Test
    void standardExamples() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                HexFormat.of().formatHex(new Sha256().digest()));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                HexFormat.of().formatHex(new Sha256().update("abc".getBytes()).digest()));
        assertEquals("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
                HexFormat.of().formatHex(new Sha256().update(
                        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".getBytes()).digest()));
    }

    @Test
    void everyLengthAroundTheBlockAndPaddingBoundaries() throws Exception {
        byte[] data = new byte[300];
        new Random(1).nextBytes(data);
        for (int len = 0; len <= data.length; len++) {
            assertArrayEquals(jdk(data, 0, len), new Sha256().update(data, 0, len).digest(), "length " + len);
        }
    }

    @Test
    void theSameDigestHoweverTheDataIsSplit() throws Exception {
        Random random = new Random(2);
        byte[] data = new byte[200_000];
        random.nextBytes(data);
        for (int round = 0; round < 20; round++) {
            Sha256 sha = new Sha256();
            int off = 3;
            while (off < data.length) {
                int n = Math.min(data.length - off, random.nextInt(random.nextBoolean() ? 70 : 5000));
                sha.update(data, off, n);
                off += n;
            }
            assertArrayEquals(jdk(data, 3, data.length - 3), sha.digest(), "round " + round);
        }
    }

    @Test
    void takesNoDataAfterTheDigest() {
        Sha256 sha = new Sha256();
        sha.digest();
        assertThrows(IllegalStateException.class, () -> sha.update(new byte[1]));
    }
}
