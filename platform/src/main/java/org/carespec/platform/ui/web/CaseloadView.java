package org.carespec.platform.ui.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The caseload page: one page of the provider's referrals, the filters as chosen, and where the other pages are.
 *
 * @param status  the status filter: "" for open referrals (the default), {@code ANY}, or a status's name
 * @param module  the chosen service module, or null for all
 * @param modules the provider's service modules to filter by; empty when it holds only one
 * @param total   how many referrals match, or, when {@code more}, the number there are more than
 * @param more    whether more match than were counted (the pages after the next are then not known)
 */
public record CaseloadView(List<Row> rows, String status, String priority, boolean overdue, String module,
                           String search, int page, int pages, long total, boolean more, List<String> statuses,
                           List<String> priorities, List<SchemaForm.Option> modules) {

    /** A referral as the caseload lists it, with its next clock as a coloured tag. */
    public record Row(String referralId, String personId, String personName, String received, String status,
                      String priority, ClockTag clock) {
    }

    /** A clock's state in words and colour: overdue red, due today orange, due within 3 working days yellow. */
    public record ClockTag(String text, String colour) {
    }

    /** How many match, in words: "1 referral", "23 referrals", "more than 1,000 referrals". */
    public String count() {
        String number = String.format(java.util.Locale.UK, "%,d", total);
        return (more ? "More than " + number : number) + (total == 1 && !more ? " referral" : " referrals");
    }

    /** The query string of another page of the same list. */
    public String pageLink(int other) {
        StringBuilder q = new StringBuilder("/caseload?page=").append(other + 1);
        if (!status.isEmpty()) {
            q.append("&status=").append(status);
        }
        if (priority != null) {
            q.append("&priority=").append(priority);
        }
        if (module != null) {
            q.append("&module=").append(URLEncoder.encode(module, StandardCharsets.UTF_8));
        }
        if (!search.isEmpty()) {
            q.append("&search=").append(URLEncoder.encode(search, StandardCharsets.UTF_8));
        }
        if (overdue) {
            q.append("&overdue=yes");
        }
        return q.toString();
    }
}
