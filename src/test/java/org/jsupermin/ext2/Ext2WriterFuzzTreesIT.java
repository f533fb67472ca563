package org.jsupermin.ext2;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The images of {@link Ext2WriterFuzzTest}'s inputs (its committed seeds, the corpus inputs kept
 * from campaigns and its crash inputs), checked by the real {@code e2fsck -fn}. With
 * {@code -Djsupermin.fuzzCorpus=DIR} the first 50 inputs of a campaign's generated corpus
 * ({@code .cifuzz-corpus/org.jsupermin.ext2.Ext2WriterFuzzTest/writeTree}) are checked as well.
 */
class Ext2WriterFuzzTreesIT {

    private static final Path INPUTS = Path.of("src/test/resources/org/jsupermin/ext2/Ext2WriterFuzzTestInputs/writeTree");
    private static final int MAX_GENERATED = 50;

    @TempDir
    Path tmp;

    @TestFactory
    List<DynamicTest> everyWrittenImageIsClean() throws Exception {
        List<Path> inputs = new ArrayList<>(list(INPUTS, Integer.MAX_VALUE));
        String corpus = System.getProperty("jsupermin.fuzzCorpus");
        if (corpus != null) {
            inputs.addAll(list(Path.of(corpus), MAX_GENERATED));
        }
        assertTrue(inputs.size() >= 3, "expected the committed inputs under " + INPUTS);
        List<DynamicTest> tests = new ArrayList<>();
        int[] written = {0};
        for (Path input : inputs) {
            tests.add(DynamicTest.dynamicTest(input.getFileName().toString(), () -> {
                Path image = tmp.resolve(input.getFileName() + ".img");
                if (Ext2WriterFuzzTest.write(Files.readAllBytes(input), image) != null) {
                    written[0]++;
                    Tools.assertClean(image);
                    Files.delete(image);
                }
            }));
        }
        tests.add(DynamicTest.dynamicTest("some trees were written, not all refused",
                () -> assertTrue(written[0] >= 2, written[0] + " images written")));
        return tests;
    }

    private static List<Path> list(Path dir, int max) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().limit(max).toList();
        }
    }
}
