package org.jsupermin.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** TextLines splits as String.lines() does. */
class TextLinesTest {

    @Test
    void splitsAsStringLines() {
        String[] parts = {"a", "bc", "", "\n", "\r", "\r\n", "\n\r", " ", "\u00e9"};
        Random random = new Random(11);
        for (int round = 0; round < 2000; round++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(8); i > 0; i--) {
                b.append(parts[random.nextInt(parts.length)]);
            }
            String text = b.toString();
            assertEquals(text.lines().toList(), TextLines.of(text), text.replace("\r", "\\r").replace("\n", "\\n"));
        }
    }
}
