package org.addernet.app.io;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment as the workbench reads it: the process's variables, with
 * {@code -Daddernet.home=DIR} standing for {@code ADDERNET_HOME} (the property wins, as it does
 * for the home itself), so that the data lookup, the downloads and the run store agree on one
 * home. Nothing here creates a folder.
 */
public final class WorkbenchEnv {
    /** The system property that names the home (e.g. {@code WORKBENCH_JAVA_OPTS=-Daddernet.home=/data/wb}). */
    public static final String HOME_PROPERTY = "addernet.home";
    /** The environment variable that names the home. */
    public static final String HOME_ENV = "ADDERNET_HOME";

    private WorkbenchEnv() {
    }

    /** {@link System#getenv()} with {@code ADDERNET_HOME} set from {@code -Daddernet.home} when that is given. */
    public static Map<String, String> env() {
        return env(System.getenv(), System.getProperty(HOME_PROPERTY));
    }

    /** {@code env} with {@code ADDERNET_HOME} set from {@code homeProperty} when that is not blank. */
    public static Map<String, String> env(Map<String, String> env, String homeProperty) {
        if (homeProperty == null || homeProperty.isBlank()) {
            return env;
        }
        Map<String, String> m = new HashMap<>(env);
        m.put(HOME_ENV, homeProperty);
        return m;
    }

    /** The user's home folder ({@code user.home}). */
    public static Path userHome() {
        return Path.of(System.getProperty("user.home"));
    }
}
