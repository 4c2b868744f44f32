package org.addernet.app.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the workbench keeps its state: {@code runs/} (the run store) and {@code queue.json}. The
 * first of these that is set wins: an explicit path (a command's {@code --home}, a test's temporary
 * folder), the system property {@code addernet.home}, the environment variable
 * {@code ADDERNET_HOME}, and {@code ~/.addernet}.
 */
public final class WorkbenchHome {
    /** The system property that names the home (e.g. {@code WORKBENCH_JAVA_OPTS=-Daddernet.home=/data/wb}). */
    public static final String PROPERTY = org.addernet.app.io.WorkbenchEnv.HOME_PROPERTY;
    /** The environment variable that names the home. */
    public static final String ENV = org.addernet.app.io.WorkbenchEnv.HOME_ENV;

    private WorkbenchHome() {
    }

    /**
     * The home folder (not created).
     *
     * @param explicit a path given on purpose, or null
     * @param property the value of {@code -Daddernet.home}, or null
     * @param env      the environment (only {@code ADDERNET_HOME} is read)
     * @param userHome the user's home folder
     */
    public static Path resolve(Path explicit, String property, Map<String, String> env, Path userHome) {
        if (explicit != null) {
            return explicit;
        }
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        return userHome.resolve(".addernet");
    }

    /** The home of this process: {@code explicit} if not null, else the property, the environment, {@code ~/.addernet}. */
    public static Path resolve(Path explicit) {
        return resolve(explicit, System.getProperty(PROPERTY), System.getenv(), Path.of(System.getProperty("user.home")));
    }
}
