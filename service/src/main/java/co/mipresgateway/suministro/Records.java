package co.mipresgateway.suministro;

import co.mipresgateway.store.Database;
import co.mipresgateway.store.StepQueries;
import co.mipresgateway.store.StepQueries.Filter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

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

    /**
     * The records one by one, in the order of their IDs, each page read when the one before is used up. The first
     * page is read here, so that a query that fails, fails before a writer has written anything: an answer cut
     * short must never look like a whole one.
     */
    public Iterator<T> iterator() {
        Pages pages = new Pages();
        Iterator<T> first = pages.next().iterator();
        return new Iterator<>() {
            private Iterator<T> page = first;

            @Override
            public boolean hasNext() {
                while (!page.hasNext()) {
                    List<T> next = pages.next();
                    if (next == null) return false;
                    page = next.iterator();
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) throw new NoSuchElementException();
                return page.next();
            }
        };
    }

    /** Every record in one list, for the few callers that need them all at hand. */
    public List<T> all() {
        List<T> all = new ArrayList<>();
        iterator().forEachRemaining(all::add);
        return all;
    }

    /** The pages in order, each read when asked for: the first always (empty when nothing matches), then null. */
    private final class Pages {
        private boolean firstRead;
        private long[] rest = new long[0];
        private int from;

        List<T> next() {
            if (!firstRead) {
                firstRead = true;
                List<T> first = database.read(h -> step.first(h, filter, pageSize));
                if (first.size() == pageSize) {
                    long lastId = step.idOf(first.get(first.size() - 1));
                    rest = database.read(h -> step.idsAfter(h, filter, lastId));
                }
                return first;
            }
            if (from >= rest.length) return null;
            long[] ids = Arrays.copyOfRange(rest, from, Math.min(from + pageSize, rest.length));
            from += ids.length;
            return database.read(h -> step.byIds(h, ids));
        }
    }
}
