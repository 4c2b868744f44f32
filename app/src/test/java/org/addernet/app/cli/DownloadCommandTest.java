package org.addernet.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class DownloadCommandTest {
    @Test
    void anUnknownSetIsOneLineAndExitTwo() {
        Cli r = Cli.run("download", "imagenet");
        assertEquals(2, r.exit());
        assertEquals("workbench download: unknown data set 'imagenet', expected one of mnist, fashion-mnist, cifar-10, cifar-100",
                r.err().strip());
        assertFalse(r.err().contains("Exception"));
    }
}
