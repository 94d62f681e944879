package co.mipresgateway.store;

import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** The ministry's three queries of a step, over the records one caller may see. */
public interface StepQueries<T> {

    List<T> byFecha(Handle h, String nit, LocalDate fecha);

    List<T> byPrescripcion(Handle h, String nit, String noPrescripcion);

    List<T> byPacienteFecha(Handle h, String nit, LocalDate fecha, String tipoDoc, String numDoc);
}
