package org.carespec.plugin.api;

import java.util.Objects;

/**
 * Where in a specification a rule, clock, KPI or obligation comes from: {@code 002 §4.11}.
 * Every contribution carries one so that a commissioner can trace each figure to its promise.
 */
public record SpecReference(String seed, String section) {

    public SpecReference {
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(section, "section");
    }

    /** {@code SpecReference.of("002", "§4.11")}. */
    public static SpecReference of(String seed, String section) {
        return new SpecReference(seed, section);
    }

    @Override
    public String toString() {
        return seed + " " + section;
    }
}
