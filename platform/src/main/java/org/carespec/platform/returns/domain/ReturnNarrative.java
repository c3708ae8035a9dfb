package org.carespec.platform.returns.domain;

/** A line of a return a person writes (unmet needs, testimony), with the module's guidance; empty until written. */
public record ReturnNarrative(String code, String title, String source, String guidance, String text) {
}
