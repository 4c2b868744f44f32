package org.addernet.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code workbench ops}: DESIGN.md's JSON contract, the table, and bad input. */
class OpsCommandTest {
    @Test
    void jsonHasTheContractFieldsAsWholeNumbers() throws Exception {
        Cli r = Cli.run("ops", "lenet5-bn-adder", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("lenet5-bn-adder", j.get("model").asText());
        assertTrue(j.get("multiplications").isIntegralNumber());
        assertEquals(0, j.get("multiplications").asLong());
        assertEquals(833_040, j.get("additions").asLong());
        assertEquals(833_040 * 2.0, j.get("latencyCycles").asDouble());
    }

    @Test
    void theTableShowsThePapersFiguresBeside() {
        Cli r = Cli.run("ops", "resnet20-cnn");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("40,370,176"), r.out());
        assertTrue(r.out().contains("41.17M"), r.out());
        assertTrue(r.out().contains("(left out)"), r.out());
        Cli toy = Cli.run("ops", "mlp", "--hidden", "10");
        assertEquals(0, toy.exit(), toy.err());
        assertTrue(toy.out().contains("linear(2->10)") || toy.out().contains("2->10"), toy.out());
    }

    @Test
    void theOfficialResNet20ListsItsShortcutsItsConvHeadAndItsParameters() {
        Cli r = Cli.run("ops", "resnet20-adder");
        assertEquals(0, r.exit(), r.err());
        String out = r.out();
        assertTrue(out.contains("shortcut adderconv1x1(16->32, s2, p0)"), out);
        assertTrue(out.contains("shortcut adderconv1x1(32->64, s2, p0)"), out);
        assertTrue(out.matches("(?s).*conv1x1\\(64->10, s1, p0\\)\\s+multiply\\s+640\\s+\\(left out\\).*"), out);
        assertTrue(out.contains("parameters: 272,484 (model.shortcut projection); huawei-noah/AdderNet resnet20.py: 272,484"),
                out);
        Cli a = Cli.run("ops", "resnet20-adder", "--shortcut", "A", "--json");
        assertEquals(0, a.exit(), a.err());
        assertTrue(a.out().contains("\"parameters\" : 269722"), a.out());
        assertTrue(!a.out().contains("shortcut adderconv"), a.out());
        Cli bad = Cli.run("ops", "resnet20-adder", "--shortcut", "B");
        assertEquals(2, bad.exit());
        assertEquals("workbench ops: unknown shortcut 'B', expected projection or A", bad.err().strip());
    }

    @Test
    void badInputIsOneLine() {
        Cli r = Cli.run("ops", "resnet18");
        assertEquals(2, r.exit());
        assertTrue(r.err().strip().startsWith("workbench ops: unknown model 'resnet18', expected mlp, adder or one of lenet5-bn-cnn"),
                r.err());
        Cli neg = Cli.run("ops", "lenet5-bn-cnn", "--mul-cycles", "-1");
        assertEquals(2, neg.exit());
        assertEquals("workbench ops: latencies and energies must be finite and >= 0", neg.err().strip());
    }
}
