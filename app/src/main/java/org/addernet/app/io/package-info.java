/** File output shared by the runner, the renderers and the window: atomic writes. */
package org.addernet.app.io;
