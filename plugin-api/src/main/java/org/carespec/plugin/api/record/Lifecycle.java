package org.carespec.plugin.api.record;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The statuses a record moves through and the moves allowed, e.g. {@code APPLIED → AWARDED | REFUSED}. A new record
 * starts in the first status; a move not listed is refused with 409 naming the current status. The platform refuses
 * at start-up a move from or to a status not declared.
 *
 * <pre>{@code Lifecycle.of("OPEN", "DONE", "DROPPED").allow("OPEN", "DONE", "DROPPED")}</pre>
 *
 * @param statuses every status, the initial one first
 * @param moves    for each status, the statuses it may move to; a status with no entry is final
 */
public record Lifecycle(List<String> statuses, Map<String, Set<String>> moves) {

    public Lifecycle {
        statuses = List.copyOf(statuses);
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("a lifecycle needs at least one status");
        }
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        (moves == null ? Map.<String, Set<String>>of() : moves)
                .forEach((from, to) -> copy.put(from, Collections.unmodifiableSet(new LinkedHashSet<>(to))));
        moves = Collections.unmodifiableMap(copy);
    }

    /** The statuses, the initial one first, with no move allowed yet. */
    public static Lifecycle of(String initial, String... others) {
        List<String> all = new java.util.ArrayList<>();
        all.add(initial);
        all.addAll(List.of(others));
        return new Lifecycle(all, Map.of());
    }

    /** The same lifecycle with moves from {@code from} to each of {@code to} allowed as well. */
    public Lifecycle allow(String from, String... to) {
        Map<String, Set<String>> more = new LinkedHashMap<>(moves);
        Set<String> targets = new LinkedHashSet<>(more.getOrDefault(from, Set.of()));
        targets.addAll(List.of(to));
        more.put(from, targets);
        return new Lifecycle(statuses, more);
    }

    /** The status of a new record. */
    public String initial() {
        return statuses.get(0);
    }

    public boolean allows(String from, String to) {
        return moves.getOrDefault(from, Set.of()).contains(to);
    }
}
