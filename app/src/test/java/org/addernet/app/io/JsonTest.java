package org.addernet.app.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.util.List;
import org.addernet.engine.train.RunStatus;
import org.junit.jupiter.api.Test;

/** The run states in JSON: their ids both ways, an unknown one named. */
class JsonTest {
    private static final ObjectMapper JSON = Json.mapper();

    record Holder(RunStatus status) {
    }

    @Test
    void everyStatusIsWrittenAndReadAsItsId() throws Exception {
        for (RunStatus s : RunStatus.values()) {
            String text = JSON.writeValueAsString(new Holder(s));
            assertEquals("{\"status\":\"" + s.id() + "\"}", text);
            assertEquals(s, JSON.readValue(text, Holder.class).status());
        }
        assertEquals("[\"completed\",\"diverged\"]", JSON.writeValueAsString(List.of(RunStatus.COMPLETED, RunStatus.DIVERGED)));
    }

    @Test
    void anUnknownStatusIsAnErrorNamingIt() {
        InvalidFormatException e = assertThrows(InvalidFormatException.class,
                () -> JSON.readValue("{\"status\": \"finished\"}", Holder.class));
        assertTrue(e.getOriginalMessage().contains("unknown status 'finished', expected one of [queued"),
                e.getOriginalMessage());
    }
}
