package org.addernet.app.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.addernet.engine.train.RunStatus;

/**
 * The JSON mappers of the workbench's files ({@code summary.json}, {@code run.json},
 * {@code queue.json}): Jackson with the run states mapped to and from their ids
 * ({@link RunStatus#id()}: {@code "completed"}, {@code "diverged"}, ...), the one place where a
 * run state meets its string. An unknown state in a file is an error naming the state and the
 * known ones.
 */
public final class Json {
    /** {@link RunStatus} as its id, both ways. */
    public static final SimpleModule RUN_STATUS = new SimpleModule("run-status")
            .addSerializer(RunStatus.class, new JsonSerializer<>() {
                @Override
                public void serialize(RunStatus s, JsonGenerator g, SerializerProvider p) throws IOException {
                    g.writeString(s.id());
                }
            })
            .addDeserializer(RunStatus.class, new JsonDeserializer<>() {
                @Override
                public RunStatus deserialize(JsonParser p, DeserializationContext c) throws IOException {
                    try {
                        return RunStatus.fromId(p.getValueAsString());
                    } catch (IllegalArgumentException e) {
                        return (RunStatus) c.handleWeirdStringValue(RunStatus.class, p.getValueAsString(), e.getMessage());
                    }
                }
            });

    private Json() {
    }

    /** A mapper that knows the run states. */
    public static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(RUN_STATUS);
    }

    /** {@link #mapper()} writing indented JSON (the files a person opens). */
    public static ObjectMapper indented() {
        return mapper().enable(SerializationFeature.INDENT_OUTPUT);
    }
}
