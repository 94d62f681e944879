package co.mipresgateway.store;

import org.jdbi.v3.core.Handle;

/** IDs from database sequences, so that several instances sharing one PostgreSQL never collide. */
final class Sequences {

    private Sequences() {
    }

    static long next(Handle handle, String sequence) {
        return handle.createQuery("SELECT nextval('" + sequence + "')").mapTo(Long.class).one();
    }

    static long nextChainId(Handle handle) {
        return next(handle, "seq_chain");
    }
}
