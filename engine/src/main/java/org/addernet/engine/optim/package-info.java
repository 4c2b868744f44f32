/** Optimisers and schedules: schedules are pure functions of the step; optimisers print their configuration. */
package org.addernet.engine.optim;
