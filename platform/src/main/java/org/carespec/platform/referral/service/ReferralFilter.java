package org.carespec.platform.referral.service;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.carespec.platform.referral.domain.ReferralStatus;
import org.carespec.plugin.api.rules.Priority;

/**
 * Which of the provider's referrals to list. Start from {@link #all()} and narrow it; every part left empty lets
 * everything through.
 *
 * @param openOnly   only referrals still open (not declined or closed): a practitioner's caseload
 * @param moduleCode only referrals under contracts of this service module
 * @param search     a name (any part of "given family", any case) or an NHS number (ten digits, spaces allowed)
 */
public record ReferralFilter(UUID contractId, ReferralStatus status, boolean openOnly, Priority priority,
                             boolean overdue, Instant receivedFrom, Instant receivedBefore, UUID personId,
                             String moduleCode, String search) {

    /** Every referral of the provider. */
    public static ReferralFilter all() {
        return new ReferralFilter(null, null, false, null, false, null, null, null, null, null);
    }

    public ReferralFilter contract(UUID id) {
        return new ReferralFilter(id, status, openOnly, priority, overdue, receivedFrom, receivedBefore, personId,
                moduleCode, search);
    }

    public ReferralFilter status(ReferralStatus only) {
        return new ReferralFilter(contractId, only, openOnly, priority, overdue, receivedFrom, receivedBefore,
                personId, moduleCode, search);
    }

    public ReferralFilter open() {
        return new ReferralFilter(contractId, status, true, priority, overdue, receivedFrom, receivedBefore, personId,
                moduleCode, search);
    }

    public ReferralFilter priority(Priority only) {
        return new ReferralFilter(contractId, status, openOnly, only, overdue, receivedFrom, receivedBefore, personId,
                moduleCode, search);
    }

    public ReferralFilter overdue(boolean only) {
        return new ReferralFilter(contractId, status, openOnly, priority, only, receivedFrom, receivedBefore,
                personId, moduleCode, search);
    }

    /** Received in [from, before); either may be null. */
    public ReferralFilter received(Instant from, Instant before) {
        return new ReferralFilter(contractId, status, openOnly, priority, overdue, from, before, personId, moduleCode,
                search);
    }

    public ReferralFilter person(UUID id) {
        return new ReferralFilter(contractId, status, openOnly, priority, overdue, receivedFrom, receivedBefore, id,
                moduleCode, search);
    }

    public ReferralFilter module(String code) {
        return new ReferralFilter(contractId, status, openOnly, priority, overdue, receivedFrom, receivedBefore,
                personId, code == null || code.isBlank() ? null : code, search);
    }

    public ReferralFilter search(String text) {
        String trimmed = text == null ? null : text.strip().replaceAll("\\s+", " ");
        return new ReferralFilter(contractId, status, openOnly, priority, overdue, receivedFrom, receivedBefore,
                personId, moduleCode, trimmed == null || trimmed.isEmpty() ? null : trimmed);
    }

    /** The search as an NHS number (its ten digits), or null when it is a name. */
    public String searchedNhsNumber() {
        if (search == null) {
            return null;
        }
        String digits = search.replace(" ", "");
        return digits.matches("[0-9]{10}") ? digits : null;
    }

    /** The search as a name pattern for {@code ilike}, its own wildcards taken literally, or null. */
    public String searchedNamePattern() {
        if (search == null || searchedNhsNumber() != null) {
            return null;
        }
        String literal = search.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + literal + "%";
    }

    /** Whether anything beyond the overdue flag narrows the list. */
    boolean narrowed() {
        return contractId != null || status != null || openOnly || priority != null || receivedFrom != null
                || receivedBefore != null || personId != null || moduleCode != null || search != null;
    }
}
