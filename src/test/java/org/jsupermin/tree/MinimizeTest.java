package org.jsupermin.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which paths --minimize removes, under which label, and which languages --locale keeps. */
class MinimizeTest {

    private final Minimize rules = new Minimize(List.of("de", "pt_BR", "sr@latin.UTF-8"));

    @Test
    void documentationGoesExceptCopyrightFiles() {
        assertEquals("--minimize: /usr/share/doc/* (copyright files kept)", rules.rule("/usr/share/doc/bash/README.gz"));
        assertEquals("--minimize: /usr/share/doc/* (copyright files kept)", rules.rule("/usr/share/doc/bash"));
        assertNull(rules.rule("/usr/share/doc/bash/copyright"));
        assertEquals("--minimize: /usr/share/doc/* (copyright files kept)", rules.rule("/usr/share/doc/bash/x/copyright"));
        assertNull(rules.rule("/usr/share/doc"), "the directory itself stays, as with -/usr/share/doc/*");
    }

    @Test
    void manualInfoAndOtherTranslationsGo() {
        assertEquals("--minimize: /usr/share/man/*", rules.rule("/usr/share/man/man1/ls.1.gz"));
        assertEquals("--minimize: /usr/share/info/*", rules.rule("/usr/share/info/coreutils.info.gz"));
        assertEquals("--minimize: /usr/share/locale/* (--locale ones kept)",
                rules.rule("/usr/share/locale/fr/LC_MESSAGES/coreutils.mo"));
        assertEquals("--minimize: /usr/share/locale/* (--locale ones kept)", rules.rule("/usr/share/locale/locale.alias"));
        assertNull(rules.rule("/usr/share/locale/de/LC_MESSAGES/coreutils.mo"));
        assertNull(rules.rule("/usr/bin/man"));
        assertNull(rules.rule("/usr/share/mandoc/x"));
    }

    @Test
    void aLanguageKeepsItsVariantsAndAVariantItsLanguage() {
        assertTrue(rules.keepsLanguage("de"));
        assertTrue(rules.keepsLanguage("de_AT"));
        assertTrue(rules.keepsLanguage("pt_BR"));
        assertTrue(rules.keepsLanguage("pt"));
        assertTrue(rules.keepsLanguage("sr@latin"));
        assertTrue(rules.keepsLanguage("sr"));
        assertFalse(rules.keepsLanguage("pt_PT"));
        assertFalse(rules.keepsLanguage("dem"));
        assertFalse(rules.keepsLanguage("fr"));
        assertFalse(new Minimize(List.of()).keepsLanguage("en"));
    }
}
