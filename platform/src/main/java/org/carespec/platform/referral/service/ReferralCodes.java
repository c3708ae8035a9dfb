package org.carespec.platform.referral.service;

import java.util.Optional;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.plugin.InstalledPlugin;
import org.carespec.plugin.api.codes.Code;
import org.carespec.plugin.api.codes.CodeList;

/** A value a referral takes from one of its module's code lists (a source, a decline reason): one of its codes. */
final class ReferralCodes {

    private ReferralCodes() {
    }

    /** Refuses, naming the field, a value outside the module's list; a module without the list accepts any. */
    static void require(InstalledPlugin module, String list, String value, String field) {
        Optional<CodeList> codes = module.codeList(list);
        if (codes.isPresent() && !codes.get().contains(value)) {
            throw InvalidRequestException.of(field, "must be one of: " + String.join(", ",
                    codes.get().codes().stream().map(Code::code).toList()));
        }
    }
}
