/**
 * The ground floor of app: atomic file writes ({@link org.addernet.app.io.AtomicFiles}: a reader
 * sees the old file or the new one, never half of one), the JSON mappers that spell the run states
 * as the files do ({@link org.addernet.app.io.Json}), and the name of every file a run folder
 * holds with the class that writes it ({@link org.addernet.app.io.RunFiles}).
 */
package org.addernet.app.io;
