package org.carespec.platform.referral.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carespec.platform.casework.service.CaseworkAccess.CaseContract;
import org.carespec.platform.codelist.service.ContractCodes;
import org.carespec.platform.errors.FieldError;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.plugin.InstalledForm;

/** The module's referral form for a source, and a referral's data checked against it and its code lists. */
@Singleton
class ReferralForms {

    private final ContractCodes codes;

    ReferralForms(ContractCodes codes) {
        this.codes = codes;
    }

    /** What the contract accepts of the module's code lists: the module's codes and the contract's local entries. */
    java.util.function.BiPredicate<String, String> codes(UUID tenant, CaseContract contract) {
        return codes.checker(tenant, contract.id(), contract.module());
    }

    /** The newest form for the source (empty when the module has none, and then the data must be empty). */
    Optional<InstalledForm> checked(UUID tenant, CaseContract contract, String source, ObjectNode data) {
        Optional<InstalledForm> form = contract.module().referralFormFor(source);
        if (form.isPresent()) {
            List<FieldError> errors = new ArrayList<>(form.get().schema().validate(data, "data"));
            errors.addAll(form.get().codeFields().check(data, "data", codes(tenant, contract)));
            if (!errors.isEmpty()) {
                throw new InvalidRequestException(errors);
            }
        } else if (!data.isEmpty()) {
            throw InvalidRequestException.of("data", "must be empty: this module has no referral form");
        }
        return form;
    }
}
