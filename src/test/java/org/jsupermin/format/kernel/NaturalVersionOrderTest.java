package org.jsupermin.format.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class NaturalVersionOrderTest {

    @Test
    void sortsKernelReleasesAsPeopleRead_them() {
        List<String> expected = List.of("4.19.0-27-amd64", "5.10.0-9-amd64", "5.10.0-30-amd64", "6.1.0-9-amd64",
                "6.1.0-56-amd64", "6.9.12", "6.10.0", "6.10.0-1", "6.10.0-rc1", "10.0.0");
        for (long seed = 0; seed < 5; seed++) {
            List<String> shuffled = new ArrayList<>(expected);
            Collections.shuffle(shuffled, new java.util.Random(seed));
            shuffled.sort(NaturalVersionOrder.INSTANCE);
            assertEquals(expected, shuffled);
        }
    }

    @Test
    void equalStringsCompareEqualAndNumbersOfAnyLengthWork() {
        assertEquals(0, NaturalVersionOrder.INSTANCE.compare("6.1.0", "6.1.0"));
        assertEquals(1, Integer.signum(NaturalVersionOrder.INSTANCE.compare("6.100000000000000000000", "6.99")));
    }
}
