package org.jsupermin.packages;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Supplier;

/**
 * An unmodifiable list whose elements are worked out the first time it is read: a database of a
 * thousand packages parses the dependencies of the hundred a resolution reaches, not all of
 * them. The work must give equal lists every time; two threads reading at once may both do it.
 * What the work throws (unchecked, a message naming the source) is thrown at every read.
 *
 * @param <T> the element type
 */
public final class DeferredList<T> extends AbstractList<T> implements RandomAccess {

    private final Supplier<List<T>> work;
    private volatile List<T> elements;

    /** A list of what {@code work} returns (copied, unmodifiable) once it is first read. */
    public DeferredList(Supplier<List<T>> work) {
        this.work = work;
    }

    private List<T> elements() {
        List<T> e = elements;
        if (e == null) {
            e = List.copyOf(work.get());
            elements = e;
        }
        return e;
    }

    @Override
    public T get(int index) {
        return elements().get(index);
    }

    @Override
    public int size() {
        return elements().size();
    }
}
