/**
 * The analyses window: the paper's figures, tables and theorems as interactive tabs (Table 1's
 * gradient norms, Fig. 7's weight fits, Fig. 5's filters, operation counts, the theorem lab).
 * Long work runs off the FX thread ({@link org.addernet.app.ui.analysis.Background}).
 */
package org.addernet.app.ui.analysis;
