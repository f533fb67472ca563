package org.jsupermin.packages.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.jsupermin.packages.PackageDatabaseException;
import org.junit.jupiter.api.Test;

/** Records decode to their values; a corrupt serial type is one clear error, whatever its size. */
class SqliteRecordTest {

    @Test
    void decodesIntegersTextAndBlobs() throws Exception {
        // header size 4; types: 1 (int8), 19 (text of 3), 16 (blob of 2); then the values
        byte[] rec = {4, 1, 19, 16, -2, 'a', 'b', 'c', 7, 8};
        List<Object> v = SqliteRecord.decode(rec, "r");
        assertEquals(-2L, v.get(0));
        assertEquals("abc", v.get(1));
        assertTrue(Arrays.equals(new byte[] {7, 8}, (byte[]) v.get(2)));
    }

    @Test
    void aSerialTypeTooLargeForTheRecordIsAnError() {
        // a serial type of 2^40 (a text of 2^39 - 6 bytes), once read as a negative length
        byte[] rec = {7, (byte) 0x82, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0, 'x'};
        PackageDatabaseException e = assertThrows(PackageDatabaseException.class, () -> SqliteRecord.decode(rec, "r"));
        assertTrue(e.getMessage().startsWith("r: record column runs past its end"), e.getMessage());
    }

    @Test
    void aNegativeSerialTypeIsAnError() {
        // a nine-byte varint with the top bit set
        byte[] rec = {10, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
            (byte) 0xff, (byte) 0xff, (byte) 0xff};
        PackageDatabaseException e = assertThrows(PackageDatabaseException.class, () -> SqliteRecord.decode(rec, "r"));
        assertTrue(e.getMessage().startsWith("r: bad serial type -"), e.getMessage());
    }
}
