package org.addernet.app.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.addernet.app.io.Json;
import org.addernet.engine.train.RunStatus;
import org.junit.jupiter.api.Test;

/** A run record in parts for the code, flat in summary.json: DESIGN.md's fields first, in their order. */
class RunRecordTest {
    private static final ObjectMapper JSON = Json.mapper();

    @Test
    void aToyRecordIsWrittenFlatAndReadBack() throws Exception {
        RunRecord r = new RunRecord(new RunRecord.Run("adder-n2-s1", "adder", 2, 2, 1, 7), RunStatus.COMPLETED,
                new RunRecord.Result(0.9, 0.85, 0.125, 200, 1.5), null);
        String text = JSON.writeValueAsString(r);
        assertEquals("{\"id\":\"adder-n2-s1\",\"model\":\"adder\",\"hidden\":2,\"depth\":2,\"seed\":1,\"dataSeed\":7,"
                + "\"status\":\"completed\",\"trainAccuracy\":0.9,\"testAccuracy\":0.85,\"finalLoss\":0.125,"
                + "\"iterations\":200,\"seconds\":1.5}", text);
        assertEquals(r, JSON.readValue(text, RunRecord.class));
    }

    @Test
    void anEpochRecordAddsItsReasonAndEpochsAfterDesignsFields() throws Exception {
        RunRecord r = new RunRecord(new RunRecord.Run("lenet5-bn-adder-s1", "lenet5-bn-adder", null, 7, 1, 1),
                RunStatus.CANCELLED, new RunRecord.Result(null, 0.5, 1.25, 30, 2.0), "cancelled in epoch 2",
                new RunRecord.EpochStats(3, 1, 0.5, null));
        String text = JSON.writeValueAsString(r);
        assertEquals("{\"id\":\"lenet5-bn-adder-s1\",\"model\":\"lenet5-bn-adder\",\"hidden\":null,\"depth\":7,"
                + "\"seed\":1,\"dataSeed\":1,\"status\":\"cancelled\",\"trainAccuracy\":null,\"testAccuracy\":0.5,"
                + "\"finalLoss\":1.25,\"iterations\":30,\"seconds\":2.0,\"reason\":\"cancelled in epoch 2\",\"epochs\":3,"
                + "\"epochsDone\":1,\"bestTestAccuracy\":0.5}", text);
        assertEquals(r, JSON.readValue(text, RunRecord.class));
        assertEquals(3, r.epochs());
        assertEquals("v/lenet5-bn-adder-s1", r.withId("v/lenet5-bn-adder-s1").id());
    }
}
