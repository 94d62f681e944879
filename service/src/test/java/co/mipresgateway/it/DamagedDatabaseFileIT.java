package co.mipresgateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The embedded database's file damaged (a disk that failed under it, a backup copied back cut short): the service
 * cannot start. Before: the log said the file "could not be written" and to free disk space, and the start ended on
 * Flyway's account of a refused connection. Now one line naming the file, what is wrong and what to do.
 */
class DamagedDatabaseFileIT {

    @Test
    void aDamagedFileStopsTheStartWithOneLineSayingWhatToDo() throws Exception {
        Path dataDir = Files.createTempDirectory("mipres-damaged-");
        int port = GatewayJar.freePort();
        try (GatewayJar first = GatewayJar.start(dataDir, port)) {
            first.epsToken();   // the file exists and holds the sandbox
        }
        Path file = dataDir.resolve("mipres-gateway.mv.db");
        byte[] noise = new byte[16 * 1024];
        new Random(7).nextBytes(noise);
        try (RandomAccessFile damaged = new RandomAccessFile(file.toFile(), "rw")) {
            damaged.write(noise);   // its headers and first chunk
        }

        assertSaysTheFileIsDamaged(GatewayJar.runUntilItExits(dataDir, port), file);
        // An operator command on it says the same.
        assertSaysTheFileIsDamaged(GatewayJar.runUntilItExits(dataDir, port, "admin", "party", "list"), file);
    }

    private static void assertSaysTheFileIsDamaged(GatewayJar.Exited exited, Path file) {
        assertEquals(1, exited.code(), exited.output());
        assertTrue(exited.output().contains("El archivo de la base de datos " + file + " está dañado"), exited.output());
        assertTrue(exited.output().contains("restáurelo de una copia"), exited.output());
        assertFalse(exited.output().contains("free disk space"), exited.output());
        assertFalse(exited.output().contains("\tat "), "a stack trace: " + exited.output());
    }
}
