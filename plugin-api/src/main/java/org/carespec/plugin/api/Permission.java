package org.carespec.plugin.api;

import java.util.Objects;
import java.util.Set;

/**
 * Something only some people may do with a module's data, e.g. "read the key safe code" (004 Part 2 §4.2), and the
 * platform roles that hold it. A record type restricts a field to a permission
 * ({@code RecordType.withRestrictedField("keySafeCode", "read-key-safe-code")}): the platform leaves the field out of
 * what others read, refuses it in what they write, and keeps it when they amend the record.
 *
 * @param code  lower-case words joined by hyphens, unique within the module
 * @param title what it allows, as an administrator reads it
 * @param roles the platform roles that hold it
 */
public record Permission(String code, String title, Set<Role> roles, SpecReference source) {

    public Permission {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
        roles = Set.copyOf(roles);
    }
}
