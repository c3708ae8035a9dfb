package org.carespec.plugin.api;

import java.util.Objects;

/**
 * A version range in Maven notation: {@code [1.0,2.0)} means 1.0 inclusive up to 2.0 exclusive;
 * {@code [1.2,)} means 1.2 or later; a bare {@code 1.0} means exactly 1.0.
 */
public record VersionRange(Version lower, boolean lowerInclusive, Version upper, boolean upperInclusive) {

    public static VersionRange parse(String text) {
        Objects.requireNonNull(text, "version range");
        String t = text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty version range");
        }
        char first = t.charAt(0);
        if (first != '[' && first != '(') {
            Version exact = Version.parse(t);
            return new VersionRange(exact, true, exact, true);
        }
        char last = t.charAt(t.length() - 1);
        if (last != ']' && last != ')') {
            throw new IllegalArgumentException("version range must end with ] or ): '" + text + "'");
        }
        String[] bounds = t.substring(1, t.length() - 1).split(",", -1);
        if (bounds.length != 2) {
            throw new IllegalArgumentException("version range needs two bounds: '" + text + "'");
        }
        Version lower = bounds[0].isBlank() ? null : Version.parse(bounds[0]);
        Version upper = bounds[1].isBlank() ? null : Version.parse(bounds[1]);
        if (lower != null && upper != null && lower.compareTo(upper) > 0) {
            throw new IllegalArgumentException("version range lower bound is above its upper bound: '" + text + "'");
        }
        return new VersionRange(lower, first == '[', upper, last == ']');
    }

    public boolean contains(Version version) {
        if (lower != null) {
            int c = version.compareTo(lower);
            if (c < 0 || (c == 0 && !lowerInclusive)) {
                return false;
            }
        }
        if (upper != null) {
            int c = version.compareTo(upper);
            return c < 0 || (c == 0 && upperInclusive);
        }
        return true;
    }

    @Override
    public String toString() {
        if (lower != null && lower.equals(upper) && lowerInclusive && upperInclusive) {
            return lower.toString();
        }
        return (lowerInclusive ? "[" : "(") + (lower == null ? "" : lower) + ","
                + (upper == null ? "" : upper) + (upperInclusive ? "]" : ")");
    }
}
