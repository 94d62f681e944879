package co.mipresgateway.client.submit;

/** A count in a run's summary, its word agreeing with it as Spanish wants: "1 fila", "0 filas", "2 filas". */
final class Counted {

    private Counted() {
    }

    static String of(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }
}
