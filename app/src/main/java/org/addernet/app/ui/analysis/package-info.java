/**
 * The analyses window ({@link org.addernet.app.ui.analysis.AnalysisWindow}): the paper's figures,
 * tables and theorems as tabs, each a view ({@code *Tab}) over its view model ({@code *ViewModel}):
 * Table 1's gradient norms, Fig. 7's weight fits, Fig. 5's filters, Fig. 1's features, operation
 * counts, the ablations of Tables 4-6, and the theorem lab (Lemma 2, Theorem 4, Lemma 5 / Theorem
 * 6). Reading run folders, fitting and sweeping run off the FX thread through the window's one
 * {@link org.addernet.app.ui.vm.UiExecutor} ({@link org.addernet.app.ui.vm.Activity} for a tab's
 * one job at a time); the closed-form tabs (counts, Lemma 2, Lemma 5) compute at once.
 */
package org.addernet.app.ui.analysis;
