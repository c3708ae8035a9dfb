package org.carespec.platform.codelist.service;

import java.util.Optional;
import java.util.function.BiPredicate;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.plugin.InstalledPlugin;
import org.carespec.plugin.api.codes.Code;
import org.carespec.plugin.api.codes.CodeList;

/**
 * A value a referral or an activity takes from one of its module's code lists (a source, a decline reason, a break
 * type, an agency): one of its codes or one of the contract's local entries, checked by the same
 * {@code ContractCodes} checker as every schema field that names a list.
 */
public final class ModuleCodes {

    private ModuleCodes() {
    }

    /** Refuses, naming the field, a value the contract does not accept; a module without the list accepts any. */
    public static void require(InstalledPlugin module, BiPredicate<String, String> accepted, String list, String value,
                        String field) {
        Optional<CodeList> codes = module.codeList(list);
        if (codes.isPresent() && !accepted.test(list, value)) {
            throw InvalidRequestException.of(field, "must be one of: " + String.join(", ",
                    codes.get().codes().stream().map(Code::code).toList())
                    + " (or one of the contract's own entries in " + list + ")");
        }
    }
}
