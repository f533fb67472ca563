package org.jsupermin.format.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CpuNamesTest {

    @Test
    void mapsJavaArchitectureNames() {
        assertEquals("x86_64", CpuNames.fromJavaArch("amd64"));
        assertEquals("aarch64", CpuNames.fromJavaArch("aarch64"));
        assertEquals("i686", CpuNames.fromJavaArch("x86"));
        assertEquals("ppc64le", CpuNames.fromJavaArch("ppc64le"));
    }

    @Test
    void kernelNamesSuitTheirOwnFamilyOnly() {
        assertTrue(CpuNames.suits("vmlinuz-6.1.0-56-amd64", "x86_64"));
        assertTrue(CpuNames.suits("vmlinuz-6.5.6-300.fc39.x86_64", "x86_64"));
        assertTrue(CpuNames.suits("vmlinuz-6.1.0", "x86_64"));
        assertFalse(CpuNames.suits("vmlinuz-6.1.0-56-arm64", "x86_64"));
        assertFalse(CpuNames.suits("vmlinuz-6.1.0-56-686-pae", "x86_64"));
        assertTrue(CpuNames.suits("vmlinuz-6.1.0-56-686-pae", "i686"));
        assertTrue(CpuNames.suits("vmlinuz-6.1.0-56-arm64", "aarch64"));
        assertFalse(CpuNames.suits("vmlinuz-6.1.0-56-amd64", "aarch64"));
    }
}
