package co.mipresgateway.store;

import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The ministry's three queries of a step, over the records one caller may see, in the order of the records' own
 * IDs. A long answer is read in parts (see {@code Records}): its first records, then the IDs of the rest, then the
 * rest by their IDs, a part at a time, so that a large EPS's day never sits in memory whole.
 */
public interface StepQueries<T> {

    /** Which of the three queries, with the values of its path. */
    sealed interface Filter {
    }

    /** XFecha: the records of one day. */
    record OnDay(String nit, LocalDate fecha) implements Filter {
    }

    /** XPrescripcion. */
    record OfPrescripcion(String nit, String noPrescripcion) implements Filter {
    }

    /** XPacienteFecha: one patient's records of one day. */
    record OfPatientOnDay(String nit, LocalDate fecha, String tipoDoc, String numDoc) implements Filter {
    }

    /** The first records the filter matches, at most {@code limit}. */
    List<T> first(Handle h, Filter filter, int limit);

    /** The IDs of the records the filter matches that come after {@code afterId}, in order. */
    long[] idsAfter(Handle h, Filter filter, long afterId);

    /** The records with these IDs, in the order of their IDs. */
    List<T> byIds(Handle h, long[] ids);

    /** The record's own ID (IDEntrega, IDProgramacion, ...). */
    long idOf(T record);
}
