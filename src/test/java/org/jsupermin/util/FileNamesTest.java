package org.jsupermin.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Names as bytes: UTF-8 decoded, every other byte escaped, and back byte for byte. */
class FileNamesTest {

    @Test
    void anyBytesComeBackByteForByte() {
        Random r = new Random(14);
        byte[] alphabet = {'a', '/', (byte) 0x80, (byte) 0xbf, (byte) 0xc3, (byte) 0xa9, (byte) 0xe2, (byte) 0x82,
            (byte) 0xac, (byte) 0xed, (byte) 0xa0, (byte) 0xf0, (byte) 0x9f, (byte) 0x98, (byte) 0x80, (byte) 0xff,
            (byte) 0xc0, (byte) 0xf4, (byte) 0x90};
        for (int round = 0; round < 100_000; round++) {
            byte[] b = new byte[r.nextInt(12)];
            for (int i = 0; i < b.length; i++) {
                b[i] = round % 2 == 0 ? alphabet[r.nextInt(alphabet.length)] : (byte) r.nextInt(256);
            }
            String s = FileNames.decode(b);
            assertArrayEquals(b, FileNames.encode(s), s);
            assertEquals(b.length, FileNames.byteLength(s, 0, s.length()));
            assertEquals(s, FileNames.decode(FileNames.encode(s)));
        }
    }

    @Test
    void utf8IsDecodedAsUtf8AndOnlyOtherBytesAreEscaped() {
        String valid = "/etc/café/€/😀";
        byte[] utf8 = valid.getBytes(StandardCharsets.UTF_8);
        assertEquals(valid, FileNames.decode(utf8));
        assertFalse(FileNames.hasEscapes(valid));
        assertArrayEquals(utf8, FileNames.encode(valid));
        byte[] latin1 = "/etc/caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        String escaped = FileNames.decode(latin1);
        assertEquals("/etc/caf\udce9", escaped);
        assertTrue(FileNames.hasEscapes(escaped));
        assertEquals("/etc/caf\\xe9", FileNames.printable(escaped, 80));
        // an encoded surrogate and an overlong '/' are not UTF-8: escaped byte by byte
        assertEquals("\udced\udca0\udc80", FileNames.decode(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}));
        assertEquals("\udcc0\udcaf", FileNames.decode(new byte[] {(byte) 0xc0, (byte) 0xaf}));
    }

    @Test
    void printableEscapesControlCharactersAndCuts() {
        assertEquals("a\\x1b[31mb", FileNames.printable("a\u001b[31mb", 80));
        assertEquals("xxxxx…", FileNames.printable("x".repeat(100), 5));
    }
}
