package org.addernet.app.ui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.junit.jupiter.api.Test;

/** A numeric field as typed: checked at once, in effect only when valid, never clamped. */
class NumberInputTest {
    @Test
    void aWholeNumberIsCheckedAsItIsTypedAndOnlyAValidOneTakesEffect() {
        SimpleIntegerProperty samples = new SimpleIntegerProperty(2000);
        NumberInput in = NumberInput.whole("Samples", "data.samples", samples, 10, 1_000_000, "the window's bound");
        assertEquals("2000", in.text.get());
        in.text.set("abc");
        assertEquals("'abc' is not a number", in.error().get());
        assertEquals(2000, samples.get(), "an invalid entry is not in effect");
        in.text.set("1e12");
        assertEquals("must be at most 1,000,000 (the window's bound)", in.error().get());
        assertEquals(2000, samples.get());
        in.text.set("2.5");
        assertEquals("'2.5' is not a whole number", in.error().get());
        in.text.set("5");
        assertEquals("must be at least 10", in.error().get(), "below the range: said, not moved to 10");
        assertEquals(2000, samples.get());
        in.text.set("12,000");
        assertTrue(in.isValid());
        assertEquals(12_000, samples.get());
        in.text.set("1e3");
        assertEquals(1000, samples.get(), "a whole number in exponent form");
        in.text.set("");
        assertFalse(in.isValid());
        assertEquals("Allowed: a whole number from 10 to 1,000,000 (the window's bound).", in.rangeNote());
    }

    @Test
    void aRealNumberKeepsOpenEndsAndTheValueShownIsTheValueInEffect() {
        SimpleDoubleProperty lr = new SimpleDoubleProperty(0.1);
        NumberInput in = NumberInput.real("Learning rate", "training.lr", lr, 0, true, 100, false, null);
        in.text.set("-5");
        assertEquals("must be greater than 0", in.error().get());
        assertEquals(0.1, lr.get(), "no clamping to a tiny positive rate");
        in.text.set("0");
        assertFalse(in.isValid(), "0 is outside an open end");
        in.text.set("1e-3");
        assertEquals(0.001, lr.get());
        assertEquals("a number in (0, 100]", in.range());
        lr.set(0.05);                                  // set from elsewhere (a preset opened): the text follows
        assertEquals("0.05", in.text.get());
        assertTrue(in.isValid());
        in.text.set("xyz");
        lr.set(0.2);                                   // a value set from elsewhere replaces an invalid entry
        assertEquals("0.2", in.text.get());
        assertTrue(in.isValid());
    }

    @Test
    void aRejectionByTheSettingsAsAWholeHoldsUntilTheyAreCheckedAgain() {
        SimpleIntegerProperty batch = new SimpleIntegerProperty(128);
        NumberInput in = NumberInput.whole("Batch size", "training.batchSize", batch, 2, 65_536, null);
        in.reject("larger than the training points (80)");
        assertEquals("larger than the training points (80)", in.error().get());
        in.revalidate();
        assertTrue(in.isValid());
    }
}
