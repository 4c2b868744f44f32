package org.addernet.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged checkpoint is one {@link Checkpoint.FormatException} whose message names the source
 * and the byte offset, whatever part of the file is wrong (issue 12): also a body whose checksum
 * matches (a file written by another version, or crafted) and a file that is a folder.
 */
class CheckpointDamageTest {
    @TempDir
    Path dir;

    /** The magic, {@code body} and its CRC-32: a file whose checksum matches whatever the body holds. */
    static byte[] withChecksum(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        ByteBuffer b = ByteBuffer.allocate(8 + body.length + 8);
        b.put("ADNCKPT1".getBytes(StandardCharsets.US_ASCII)).put(body).putLong(crc.getValue());
        return b.array();
    }

    private static Checkpoint.FormatException damage(byte[] file) {
        return assertThrows(Checkpoint.FormatException.class,
                () -> Checkpoint.read(new ByteArrayInputStream(file), "run/checkpoint.bin"));
    }

    private static byte[] body(Writer w) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(bytes);
        w.write(d);
        d.flush();
        return bytes.toByteArray();
    }

    @FunctionalInterface
    interface Writer {
        void write(DataOutputStream d) throws IOException;
    }

    @Test
    void aBodyThatEndsInsideAFieldNamesTheOffset() throws IOException {
        // before: "truncated (the body ends before its fields do)", no offset
        byte[] b = body(d -> {
            d.writeUTF("r");         // bytes 8-10
            d.writeInt(1);           // 11-14
            d.writeShort(0);         // half of the seconds
        });
        Checkpoint.FormatException e = damage(withChecksum(b));
        assertEquals("run/checkpoint.bin: byte 15: expected the training seconds (8 bytes), found the end of the data "
                + "at byte 17", e.getMessage());
        assertEquals(15, e.offset());
    }

    @Test
    void anImpossibleArrayCountNamesItsOffset() throws IOException {
        byte[] b = body(d -> {
            d.writeUTF("r");
            d.writeInt(1);
            d.writeDouble(1);
            d.writeUTF("fp");        // 23-26
            d.writeLong(5);          // 27-34
            d.writeBoolean(true);    // 35
            d.writeInt(-3);          // 36: the parameter arrays' count
        });
        Checkpoint.FormatException e = damage(withChecksum(b));
        assertEquals("run/checkpoint.bin: byte 36: expected the number of parameter arrays (0 to 1048576), found -3",
                e.getMessage());
    }

    @Test
    void anArrayLongerThanTheFileNamesItsOffset() throws IOException {
        byte[] b = body(d -> {
            d.writeUTF("r");
            d.writeInt(1);
            d.writeDouble(1);
            d.writeUTF("fp");
            d.writeLong(5);
            d.writeBoolean(true);
            d.writeInt(1);           // 36: one parameter array
            d.writeInt(1000);        // 40: of 1000 floats, none there
        });
        Checkpoint.FormatException e = damage(withChecksum(b));
        assertEquals("run/checkpoint.bin: byte 40: expected the length of parameter array 0 (at most the 0 floats left "
                + "before the checksum), found 1000", e.getMessage());
    }

    @Test
    void aRunIdThatIsNotTextNamesItsOffset() throws IOException {
        // before: java.io.UTFDataFormatException, not a FormatException, and no file named
        byte[] b = body(d -> {
            d.writeShort(2);
            d.write(new byte[] {(byte) 0xC0, (byte) 0x41});
            d.writeInt(1);
        });
        Checkpoint.FormatException e = damage(withChecksum(b));
        assertEquals("run/checkpoint.bin: byte 8: expected the run id (modified UTF-8 text), found malformed text",
                e.getMessage());
    }

    @Test
    void bytesLeftBeforeTheChecksumNameWhereTheFieldsEnded() throws IOException {
        ByteArrayOutputStream good = new ByteArrayOutputStream();
        new Checkpoint("r", 1, 1, "fp", new TrainerState(1, new float[0][], new float[0][], false, new float[0][]),
                List.of()).write(good);
        byte[] all = good.toByteArray();
        byte[] body = java.util.Arrays.copyOfRange(all, 8, all.length - 8);
        byte[] longer = java.util.Arrays.copyOf(body, body.length + 3);
        Checkpoint.FormatException e = damage(withChecksum(longer));
        assertEquals("run/checkpoint.bin: byte " + (8 + body.length) + ": expected the checksum, found 3 more bytes of "
                + "fields", e.getMessage());
    }

    @Test
    void theChecksumMessageSaysWhatToDo() throws IOException {
        ByteArrayOutputStream good = new ByteArrayOutputStream();
        new Checkpoint("r", 1, 1, "fp", new TrainerState(1, new float[][] {{1, 2}}, new float[][] {{0, 0}}, true,
                new float[0][]), List.of()).write(good);
        byte[] b = good.toByteArray();
        b[20] ^= 1;
        Checkpoint.FormatException e = damage(b);
        assertEquals("run/checkpoint.bin: damaged or truncated at byte " + (b.length - 8) + ": the checksum stored there "
                + "does not match bytes 8-" + (b.length - 9) + "; delete the file to train this run again from its start",
                e.getMessage());
        assertEquals(b.length - 8, e.offset());
    }

    @Test
    void aFolderOrAMissingFileIsAFormatExceptionNamingIt() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("checkpoint.bin"));
        assertEquals(folder + ": expected a checkpoint file, found a folder",
                assertThrows(Checkpoint.FormatException.class, () -> Checkpoint.read(folder)).getMessage());
        Path none = dir.resolve("none.bin");
        assertEquals(none + ": expected a checkpoint file, found no such file",
                assertThrows(Checkpoint.FormatException.class, () -> Checkpoint.read(none)).getMessage());
        Path file = dir.resolve("ok.bin");
        try (var out = Files.newOutputStream(file)) {
            new Checkpoint("r", 2, 1, "fp", new TrainerState(1, new float[0][], new float[0][], false, new float[0][]),
                    List.of()).write(out);
        }
        assertEquals(2, Checkpoint.read(file).epochsDone());
    }
}
