package co.mipresgateway.suministro;

import co.mipresgateway.store.Database;
import co.mipresgateway.store.StepQueries;
import co.mipresgateway.store.StepQueries.Filter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The records a query answers, read when they are written out, a page at a time, each page in a short read of
 * its own: the first page as the query's first records; when it is full, the IDs of the rest, then the rest by
 * their IDs, a page at a time. A large EPS's day (tens of thousands of direccionamientos) thus never sits in memory
 * whole, nor holds a database connection while a slow client reads it: sixteen such queries at once exhausted the
 * heap when each answer was built as one list. An answer of one page, the usual case, costs one statement.
 */
public final class Records<T> {

    private final Database database;
    private final StepQueries<T> step;
    private final Filter filter;
    private final int pageSize;

    Records(Database database, StepQueries<T> step, Filter filter, int pageSize) {
        this.database = database;
        this.step = step;
        this.filter = filter;
        this.pageSize = pageSize;
    }

    /** Hands every page to the sink, in the order of the records' IDs. */
    public void forEachPage(Consumer<List<T>> sink) {
        List<T> first = database.read(h -> step.first(h, filter, pageSize));
        sink.accept(first);
        if (first.size() < pageSize) return;
        long lastId = step.idOf(first.get(first.size() - 1));
        long[] rest = database.read(h -> step.idsAfter(h, filter, lastId));
        for (int from = 0; from < rest.length; from += pageSize) {
            long[] ids = Arrays.copyOfRange(rest, from, Math.min(from + pageSize, rest.length));
            sink.accept(database.read(h -> step.byIds(h, ids)));
        }
    }

    /** Every record in one list: for the SOAP face, whose answer is one XML document built in memory. */
    public List<T> all() {
        List<T> all = new ArrayList<>();
        forEachPage(all::addAll);
        return all;
    }
}
