package org.carespec.platform.ui.web;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import org.carespec.platform.codelist.service.ContractCodes;
import org.carespec.platform.errors.NotFoundException;

/** A contract's code list (the module's codes and the contract's own) as the options of a page's field. */
@Singleton
class ContractChoices {

    private final ContractCodes codes;

    ContractChoices(ContractCodes codes) {
        this.codes = codes;
    }

    /** The list's entries, or none when the contract's module declares no such list. */
    List<SchemaForm.Option> options(UUID contract, String list) {
        try {
            return codes.list(contract, list).entries().stream().map(e -> new SchemaForm.Option(e.code(), e.label()))
                    .toList();
        } catch (NotFoundException e) {
            return List.of();
        }
    }
}
