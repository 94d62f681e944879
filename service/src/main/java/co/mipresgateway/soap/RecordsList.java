package co.mipresgateway.soap;

import co.mipresgateway.suministro.Records;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A query's records as the {@code List} a generated answer type holds, read while JAXB writes them: JAXB only
 * iterates a list it marshals, so a SOAP answer of a large day is written page by page, as the REST one is, instead
 * of being built whole in memory first. The first page is read when the list is made, inside the operation, so that
 * a failing query fails there. Asked for its size or an element, it reads every record once and keeps them.
 */
final class RecordsList<T> extends AbstractList<T> {

    private Iterator<T> unread;
    private List<T> kept;

    RecordsList(Records<T> records) {
        this.unread = records.iterator();
    }

    @Override
    public Iterator<T> iterator() {
        if (kept != null) return kept.iterator();
        Iterator<T> streamed = unread;
        if (streamed == null) throw new IllegalStateException("The records were already written");
        unread = null;
        return streamed;
    }

    @Override
    public T get(int index) {
        return kept().get(index);
    }

    @Override
    public int size() {
        return kept().size();
    }

    private List<T> kept() {
        if (kept == null) {
            Iterator<T> rest = iterator();
            kept = new ArrayList<>();
            rest.forEachRemaining(kept::add);
        }
        return kept;
    }
}
