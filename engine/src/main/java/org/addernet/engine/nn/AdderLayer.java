package org.addernet.engine.nn;

/** A layer computing a negative Lp distance {@code -sum |X - F|^p} whose norm p a schedule can change. */
public interface AdderLayer extends Layer {
    /** Sets the norm p, {@code 1 <= p <= 2}. */
    void setP(double p);

    double p();

    AdderRules rules();
}
