package org.addernet.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The theorem lab through {@code ./workbench run}: Lemma 2 and Lemma 5 checked on random instances. */
class LabRunTest {
    @TempDir
    Path tmp;

    @Test
    void lemma2AndLemma5RunByNameAndCheckTheirConstructions() throws Exception {
        Path l2 = tmp.resolve("l2");
        Cli r = Cli.run("run", "lemma2", "--out", l2.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Lemma 2: 10 random instances"), r.out());
        assertTrue(r.out().contains("float rounding only"), r.out());
        List<String> rows = Files.readAllLines(l2.resolve("lemma2.csv"));
        assertEquals(11, rows.size());
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split(",");
            assertTrue(Double.parseDouble(c[2]) <= Double.parseDouble(c[4]), "within float rounding: " + row);
        }
        var summary = new ObjectMapper().readTree(l2.resolve("summary.json").toFile());
        assertEquals("lemma2", summary.path("preset").asText());
        assertTrue(summary.path("runs").isArray());

        Path l5 = tmp.resolve("l5");
        Cli f = Cli.run("run", "lemma5", "--out", l5.toString(), "--seeds", "2");
        assertEquals(0, f.exit(), f.err());
        assertEquals(21, Files.readAllLines(l5.resolve("lemma5.csv")).size(), "20 instances for --seeds 2");
        assertEquals("20,50,24", Files.readAllLines(l5.resolve("theorem6-widths.csv")).get(20), "2(d + 5) and d + 4 at d = 20");

        Cli bad = Cli.run("run", "lemma5", "--set", "training.lr=1");
        assertEquals(2, bad.exit());
        assertEquals("workbench run: lemma5 is a theorem-lab experiment: it takes no --set", bad.err().strip());
    }
}
