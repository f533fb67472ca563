package org.jsupermin.packages.apk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApkVersionTest {

    /** Orderings from apk's documented version rules (apk-package(5), Alpine's APKBUILD reference). */
    @ParameterizedTest(name = "{0} vs {1} = {2}")
    @CsvSource({
        "1.0, 1.0, 0", "1.0, 1.0.1, -1", "1.0, 1.1, -1", "1.2.3, 1.10, -1", "1.0a, 1.0b, -1",
        "1.0, 1.0a, -1", "1.0a, 1.0.1, -1", "1.05, 1.5, -1", "1.005, 1.05, -1",
        "1.0_alpha, 1.0_beta, -1", "1.0_beta, 1.0_pre, -1", "1.0_pre, 1.0_rc, -1", "1.0_rc, 1.0, -1",
        "1.0, 1.0_cvs, -1", "1.0_cvs, 1.0_svn, -1", "1.0_svn, 1.0_git, -1", "1.0_git, 1.0_hg, -1",
        "1.0_hg, 1.0_p, -1", "1.0_rc1, 1.0_rc2, -1", "1.0_rc9, 1.0_rc10, -1", "1.0_p1, 1.0.1, -1",
        "1.0-r0, 1.0-r1, -1", "1.0-r9, 1.0-r10, -1", "1.0, 1.0-r1, -1", "2.0_rc1-r3, 2.0-r0, -1",
        "1.36.1-r29, 1.36, 1", "10, 9, 1", "1.0_alpha1, 1.0_alpha, 1"
    })
    void orders(String a, String b, int expected) {
        assertEquals(expected, Integer.signum(ApkVersion.INSTANCE.compare(a, b)));
        assertEquals(-expected, Integer.signum(ApkVersion.INSTANCE.compare(b, a)));
    }

    @Test
    void sortsAReleaseSeries() {
        List<String> expected = List.of("1.0_alpha", "1.0_alpha2", "1.0_beta", "1.0_pre1", "1.0_rc1", "1.0",
                "1.0-r1", "1.0_p1", "1.0a", "1.0.1", "1.1");
        List<String> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new Random(7));
        shuffled.sort(ApkVersion.INSTANCE);
        assertEquals(expected, shuffled);
    }
}
