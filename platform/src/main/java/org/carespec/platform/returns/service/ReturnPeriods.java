package org.carespec.platform.returns.service;

import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.returns.domain.FinancialPeriod;

/** A period named in a request ({@code 2027-28-Q3}, {@code 2027-28}): read, or refused naming the field. */
final class ReturnPeriods {

    private ReturnPeriods() {
    }

    static FinancialPeriod parse(String id, String field) {
        try {
            return FinancialPeriod.parse(id);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of(field, e.getMessage());
        }
    }
}
