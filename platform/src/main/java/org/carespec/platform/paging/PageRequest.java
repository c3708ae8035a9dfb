package org.carespec.platform.paging;

import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import org.carespec.platform.errors.InvalidRequestException;

/** {@code ?page=0&size=50}: pages count from 0; size is 1 to {@value #MAX_SIZE}, 50 unless asked. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    /** Reads the query parameters, refusing what is out of range with a problem naming the parameter. */
    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw InvalidRequestException.of("page", "must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw InvalidRequestException.of("size", "must be between 1 and " + MAX_SIZE);
        }
        if ((long) p * s > 10_000_000L) {
            throw InvalidRequestException.of("page", "is too far into the list; narrow the filter instead");
        }
        return new PageRequest(p, s);
    }

    public Pageable pageable(Sort sort) {
        return Pageable.from(page, size, sort);
    }

    public long offset() {
        return (long) page * size;
    }
}
