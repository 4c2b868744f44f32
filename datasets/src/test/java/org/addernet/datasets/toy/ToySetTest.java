package org.addernet.datasets.toy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ToySetTest {

    @ParameterizedTest
    @EnumSource(ToySet.class)
    void idIsKebabCaseOfTheNameAndRoundTrips(ToySet set) {
        assertEquals(set.name().toLowerCase().replace('_', '-'), set.id());
        assertEquals(set, ToySet.fromId(set.id()));
        assertEquals(set, ToySet.fromId(" " + set.id().toUpperCase() + " "));
        assertTrue(set.defaultSpread() > 0);
        assertFalse(set.description().isBlank());
        assertFalse(set.description().contains("\n"));
    }

    @Test
    void paperSetsUseThePaperSpreads() {
        assertEquals(10, ToySet.UNIT_BALL.defaultSpread());
        assertEquals(15, ToySet.MULTI_BALL.defaultSpread());
        assertEquals(10, ToySet.XOR.defaultSpread());
    }

    @Test
    void unknownIdListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ToySet.fromId("donut"));
        assertTrue(e.getMessage().contains("'donut'"), e.getMessage());
        for (ToySet set : ToySet.values()) {
            assertTrue(e.getMessage().contains(set.id()), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> ToySet.fromId(null));
        assertThrows(IllegalArgumentException.class, () -> ToySet.fromId("unit_ball"));
    }
}
