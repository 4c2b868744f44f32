package org.addernet.app.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one splitter of the command line and the window: sweep values at commas, settings at white space. */
class SweepValuesTest {
    @Test
    void commasInsideBracketsBracesAndQuotesStay() {
        assertEquals(List.of("1", "2", "[1, 2]"), SweepValues.split("1,2,[1, 2]"));
        assertEquals(List.of("{\"a\": 1, \"b\": 2}", "\"x,y\""), SweepValues.split("{\"a\": 1, \"b\": 2}, \"x,y\""));
        assertEquals(List.of("0.1", "", "0.2"), SweepValues.split("0.1,,0.2"), "an empty value stays for the caller");
        assertEquals(List.of("[[1, 2], [3]]"), SweepValues.split(" [[1, 2], [3]] "));
    }

    @Test
    void theSameSplitterCutsSettingsAtWhiteSpace() {
        assertEquals(List.of("a=1", "b=[1, 2]", "c=\"x y\"", "", "d={\"k\": 1}"),
                SweepValues.split("a=1\tb=[1, 2]\nc=\"x y\"  d={\"k\": 1}", Character::isWhitespace));
    }
}
