package org.addernet.app.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.addernet.engine.analysis.Theorem4.Target;
import org.junit.jupiter.api.Test;

/** The Theorem 4 figure's titles (the figure itself is drawn in {@code lab.Theorem4RunTest}). */
class Theorem4FigureTest {
    @Test
    void formulasAreDrawnWithTheirSymbols() {
        assertEquals("|\u221A(x\u00B2 + y\u00B2) \u2212 0.6|", Theorem4Figure.pretty(Target.RING.formula()));
        assertEquals("sin(\u03C0x) cos(\u03C0y)", Theorem4Figure.pretty(Target.WAVE.formula()));
    }
}
