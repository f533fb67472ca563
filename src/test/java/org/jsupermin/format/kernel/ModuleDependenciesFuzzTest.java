package org.jsupermin.format.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsupermin.testing.FuzzScratch;

/**
 * Fuzzes the modules.dep reader and the closure built from it. An input is a {@code modules.dep},
 * then optionally a NUL byte and a {@code modules.builtin}; seeds (under
 * {@code ModuleDependenciesFuzzTestInputs}) are excerpts of Debian 12's 6.1 kernel's files. Only
 * {@link KernelException} may come out; the closure of every module the file names holds each
 * module the file names once, each after the dependencies its line lists.
 */
class ModuleDependenciesFuzzTest {

    @FuzzTest
    void closure(byte[] data) throws Exception {
        int nul = 0;
        while (nul < data.length && data[nul] != 0) {
            nul++;
        }
        byte[] dep = Arrays.copyOfRange(data, 0, nul);
        try (FuzzScratch s = FuzzScratch.open()) {
            Path dir = s.dir().resolve("modules");
            s.write("modules/modules.dep", dep);
            if (nul < data.length) {
                s.write("modules/modules.builtin", Arrays.copyOfRange(data, nul + 1, data.length));
            }
            ModuleDependencies deps;
            List<KernelModule> closure;
            Map<String, List<String>> listed = listedDependencies(new String(dep, StandardCharsets.UTF_8));
            try {
                deps = ModuleDependencies.read(dir);
                // the initrd's set first, as the initrd writer asks for it, then every module named
                List<String> wanted = new ArrayList<>(deps.matching(ModulePatterns.INITRD));
                for (String m : wanted) {
                    assertTrue(ModulePatterns.INITRD.matches(m) && deps.isModule(m), m);
                }
                wanted.addAll(listed.keySet());
                closure = deps.closure(wanted);
            } catch (KernelException e) {
                assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
                return;
            }
            Map<String, Integer> position = new HashMap<>();
            for (KernelModule m : closure) {
                assertTrue(position.put(m.name(), position.size()) == null, m.name() + " twice");
                assertTrue(deps.isModule(m.name()), m.name());
            }
            for (KernelModule m : closure) {
                for (String d : listed.getOrDefault(m.name(), List.of())) {
                    Integer at = position.get(d);
                    assertTrue(at == null || at < position.get(m.name()), d + " after " + m.name());
                }
            }
            assertEquals(List.of(), missing(listed, position), "modules listed but left out of the closure");
        }
    }

    /** The modules the file names (first line of each), with the names after its colon. */
    private static Map<String, List<String>> listedDependencies(String text) {
        Map<String, List<String>> out = new HashMap<>();
        for (String line : org.jsupermin.util.TextLines.of(text)) {
            int colon = line.indexOf(':');
            if (line.isBlank() || line.startsWith("#") || colon <= 0) {
                continue;
            }
            List<String> names = new ArrayList<>();
            StringBuilder word = new StringBuilder();
            for (char c : (line.substring(colon + 1) + " ").toCharArray()) {
                if (!Character.isWhitespace(c)) {
                    word.append(c);
                } else if (word.length() > 0) {
                    names.add(KernelModule.nameOf(word.toString()));
                    word.setLength(0);
                }
            }
            out.putIfAbsent(KernelModule.nameOf(line.substring(0, colon).trim()), names);
        }
        return out;
    }

    private static List<String> missing(Map<String, List<String>> listed, Map<String, Integer> position) {
        List<String> out = new ArrayList<>();
        for (String name : listed.keySet()) {
            if (!position.containsKey(name)) {
                out.add(name);
            }
        }
        out.sort(null);
        return out;
    }
}
