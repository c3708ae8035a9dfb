package org.carespec.plugin.api;

import java.util.Objects;

/** A {@code major.minor.patch} version; missing parts count as zero ({@code "1.2"} is {@code 1.2.0}). */
public record Version(int major, int minor, int patch) implements Comparable<Version> {

    public Version {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("version parts must not be negative");
        }
    }

    public static Version parse(String text) {
        Objects.requireNonNull(text, "version");
        String[] parts = text.trim().split("\\.", -1);
        if (parts.length < 1 || parts.length > 3) {
            throw new IllegalArgumentException("not a version: '" + text + "'");
        }
        int[] numbers = new int[3];
        for (int i = 0; i < parts.length; i++) {
            try {
                numbers[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a version: '" + text + "'", e);
            }
        }
        return new Version(numbers[0], numbers[1], numbers[2]);
    }

    @Override
    public int compareTo(Version other) {
        int byMajor = Integer.compare(major, other.major);
        if (byMajor != 0) {
            return byMajor;
        }
        int byMinor = Integer.compare(minor, other.minor);
        return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
