package co.mipresgateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe asked before the database file is opened again after a failed write; DiskFullIT has the full disk. */
class RoomToGrowTest {

    @Test
    void aFolderWithRoomSaysSoAndKeepsNoProbe(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("mipres-gateway.mv.db"), new byte[4096]);
        assertTrue(RoomToGrow.beside(file.toString()));
        assertEquals(List.of(file), Files.list(dir).toList(), "the probe was left behind");
        assertEquals(4096, Files.size(file), "the database file was touched");
    }

    @Test
    void aFolderThatCannotBeWrittenHasNoRoom(@TempDir Path dir) {
        assertFalse(RoomToGrow.beside(dir.resolve("gone").resolve("mipres-gateway.mv.db").toString()));
    }
}
