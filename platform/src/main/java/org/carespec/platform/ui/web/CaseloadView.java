package org.carespec.platform.ui.web;

import java.util.List;

/** The caseload page: one page of the provider's referrals, the filters as chosen, and where the other pages are. */
public record CaseloadView(List<Row> rows, String status, String priority, boolean overdue, int page, int pages,
                           long total, List<String> statuses, List<String> priorities) {

    /** A referral as the caseload lists it, with its next clock as a coloured tag. */
    public record Row(String referralId, String personId, String personName, String received, String status,
                      String priority, ClockTag clock) {
    }

    /** A clock's state in words and colour: overdue red, due today orange, due within 3 working days yellow. */
    public record ClockTag(String text, String colour) {
    }

    /** The query string of another page of the same list. */
    public String pageLink(int other) {
        StringBuilder q = new StringBuilder("/caseload?page=").append(other + 1);
        if (status != null) {
            q.append("&status=").append(status);
        }
        if (priority != null) {
            q.append("&priority=").append(priority);
        }
        if (overdue) {
            q.append("&overdue=yes");
        }
        return q.toString();
    }
}
