package org.carespec.platform.paging;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.function.Function;

/** One page of a list: every list endpoint answers with this shape. */
@Serdeable
public record Page<T>(List<T> items, int page, int size, long total) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }

    /** One page of a list that is short by nature (a contract's obligations, the installed modules), held whole. */
    public static <T> Page<T> slice(List<T> all, PageRequest request) {
        int from = (int) Math.min(all.size(), request.offset());
        int to = (int) Math.min(all.size(), request.offset() + request.size());
        return new Page<>(List.copyOf(all.subList(from, to)), request.page(), request.size(), all.size());
    }

    public static <T> Page<T> of(io.micronaut.data.model.Page<T> page, PageRequest request) {
        return new Page<>(page.getContent(), request.page(), request.size(), page.getTotalSize());
    }
}
