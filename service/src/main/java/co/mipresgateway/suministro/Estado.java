package co.mipresgateway.suministro;

/** The state of a step of the chain, as the ministry writes it in Est* fields. */
public final class Estado {
    public static final int ANULADO = 0;
    public static final int ACTIVO = 1;
    /** A later step of the chain used this one. */
    public static final int PROCESADO = 2;

    private Estado() {
    }
}
