package co.mipresgateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import co.mipresgateway.auth.PartyAdmin;
import co.mipresgateway.suministro.SuministroQueries.Consulta;
import co.mipresgateway.suministro.SuministroService;
import co.mipresgateway.store.Database;
import co.mipresgateway.store.Stores;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo chains on a real embedded database, as a sandbox's first start writes them. */
class SandboxChainsTest {

    @TempDir
    Path dataDir;
    private Database database;
    private SuministroService service;

    @BeforeEach
    void openDatabase() {
        Config config = Config.load(Map.of("MIPRES_DATA_DIR", dataDir.toString(), "MIPRES_CONFIG", ""),
                new Properties());
        database = Database.connect(config);
        database.migrate();
        Stores stores = Stores.create();
        Clock clock = Clock.systemUTC();
        SandboxParties.ensure(new PartyAdmin(database, stores.parties(), clock));
        service = new SuministroService(database, stores, clock, config.queryPageSize());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void aFirstStartThatStoppedMidwayIsCompletedOnTheNextWithoutWritingAStepTwice() {
        // What a first start stopped after chain 6's direccionamiento had left: chains 1 to 6 directed, chain 5
        // programada, chain 6 not yet.
        SuministroService demoDay = SandboxChains.onDemoDay(service);
        for (int n = 1; n <= 6; n++) {
            long id = demoDay.direccionamiento(SandboxChains.EPS, SandboxChains.direccionamiento(SandboxChains.prescripcion(n))).getId();
            if (n == 5) demoDay.programacion(SandboxChains.PROVEEDOR, SandboxChains.programacion(id));
        }

        SandboxChains.ensure(service);
        assertEveryDemoChainIsWhole();

        SandboxChains.ensure(service);
        assertEveryDemoChainIsWhole();
    }

    @Test
    void aFreshDatabaseGetsEveryDemoChain() {
        SandboxChains.ensure(service);
        assertEveryDemoChainIsWhole();
    }

    private void assertEveryDemoChainIsWhole() {
        for (int n = 1; n <= SandboxChains.CHAINS; n++) {
            Consulta itsRecords = Consulta.porPrescripcion(SandboxChains.prescripcion(n));
            assertEquals(1, service.queries().direccionamientos(SandboxChains.EPS, itsRecords).all().size(), "chain " + n);
            assertEquals(n > 4 ? 1 : 0, service.queries().programaciones(SandboxChains.PROVEEDOR, itsRecords).all().size(),
                    "chain " + n);
            assertEquals(n > 8 ? 1 : 0, service.queries().entregas(SandboxChains.PROVEEDOR, itsRecords).all().size(),
                    "chain " + n);
        }
    }
}
