package co.mipresgateway.client.submit;

import co.mipresgateway.client.SuministroClient;
import co.mipresgateway.client.contract.Programacion;
import co.mipresgateway.client.TypedBodies;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Chains built through the real gateway with the typed client, ready for the next step a test submits. */
final class DemoChains {

    record Chain(long id, String noPrescripcion) {
    }

    enum Until { DIRECCIONADA, PROGRAMADA, ENTREGADA }

    private DemoChains() {
    }

    static List<Chain> build(SuministroClient eps, SuministroClient provider, int count, Until until) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Chain>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> {
                    String prescripcion = TypedBodies.newPrescripcion();
                    long id = eps.direccionamiento(TypedBodies.direccionamiento(prescripcion, provider.nit())).getId();
                    if (until != Until.DIRECCIONADA) {
                        Programacion p = TypedBodies.programacion(id, provider.nit());
                        provider.programacion(p);
                    }
                    if (until == Until.ENTREGADA) provider.entrega(TypedBodies.entrega(id));
                    return new Chain(id, prescripcion);
                }));
            }
            List<Chain> chains = new ArrayList<>();
            for (Future<Chain> f : futures) chains.add(f.get());
            return chains;
        } finally {
            pool.shutdownNow();
        }
    }
}
