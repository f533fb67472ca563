package org.jsupermin.packages.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads tables written by the real sqlite3 (deep b-trees, overflow chains, every integer width)
 * and compares every row with what sqlite3 itself prints.
 */
class SqliteFileIT {

    @ParameterizedTest(name = "page size {0}")
    @ValueSource(ints = {512, 1024, 4096, 65536})
    void readsWhatSqliteWrote(int pageSize, @TempDir Path dir) throws Exception {
        Path db = dir.resolve("t.sqlite");
        String sql = "PRAGMA page_size = " + pageSize + ";"
                + "CREATE TABLE other (x TEXT);"
                + "CREATE TABLE 'Packages' (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL, n, t TEXT);"
                + "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 700) "
                + "INSERT INTO Packages (hnum, blob, n, t) SELECT i * 3, randomblob((i * 7919) % 30000), "
                + "CASE i % 7 WHEN 0 THEN NULL WHEN 1 THEN i WHEN 2 THEN -i * 1000 WHEN 3 THEN i * 100000 "
                + "WHEN 4 THEN i * 10000000000 WHEN 5 THEN 0 ELSE 1.5 END, 'row ' || i FROM c;"
                + "DELETE FROM Packages WHERE hnum % 11 = 0;";
        run("sqlite3", db.toString(), sql);
        String expected = run("sqlite3", "-separator", "|", db.toString(),
                "SELECT hnum, hex(blob), quote(n), t FROM Packages ORDER BY hnum");
        List<String> ours = new ArrayList<>();
        try (SqliteFile f = SqliteFile.open(db)) {
            f.scan(f.rootPage("Packages"), (rowid, v) -> ours.add(rowid + "|"
                    + HexFormat.of().withUpperCase().formatHex((byte[]) v.get(1)) + "|" + quote(v.get(2)) + "|" + v.get(3)));
        }
        List<String> lines = expected.lines().toList();
        assertTrue(lines.size() > 600);
        assertEquals(lines, ours);
    }

    private static String quote(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof Double d) {
            return d.toString();
        }
        return v.toString();
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
        return out;
    }
}
