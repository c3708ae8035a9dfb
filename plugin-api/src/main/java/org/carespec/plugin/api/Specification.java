package org.carespec.plugin.api;

/**
 * A commissioned service specification a plugin implements.
 *
 * @param number       the commissioner's specification number ({@code 11J/0211}), or {@code null} if it has none
 * @param title        the service as the specification names it
 * @param commissioner who commissions it
 * @param seed         the source document the rules cite, e.g. {@code 002}
 */
public record Specification(String number, String title, String commissioner, String seed) {
}
