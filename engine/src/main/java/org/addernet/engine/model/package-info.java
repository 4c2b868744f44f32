/** The model zoo: two-layer and deeper MLPs and AdderNets (Definition 2), built from a spec. */
package org.addernet.engine.model;
