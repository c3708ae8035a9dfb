package org.carespec.platform.codelist.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A code list as a contract uses it: the module's entries first, then the contract's local ones. */
@Serdeable
public record CodeListView(String code, String title, @Nullable String source, List<Entry> entries) {

    /** @param local whether the contract added it (not the module) */
    @Serdeable
    public record Entry(String code, String label, @Nullable String group, boolean local) {
    }
}
