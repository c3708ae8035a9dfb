package org.carespec.platform.ui.web;

import java.util.List;

/**
 * A referral as its page shows it: who and for which contract, status, eligibility with reasons and flags, its clocks
 * as coloured tags, the events so far, and the next steps the lifecycle allows.
 */
public record ReferralPage(String id, String personId, String personName, String contractTitle, String received,
                           String source, String status, String priority, boolean eligible, List<String> reasons,
                           List<String> flags, List<ClockRow> clocks, List<EventRow> events, List<Step> steps,
                           String notice, List<FieldMessage> errors, String ended, PlanSummary plan) {

    /** The referral's latest plan: when agreed, when next reviewed, its goals with their latest progress. */
    public record PlanSummary(String id, String agreedOn, String nextReview, int reviewMonths, List<String> goals,
                              int reviews) {
    }

    /** A clock with its state as a tag. */
    public record ClockRow(String title, String source, String started, String due, String met, String tag,
                           String colour) {
    }

    /** An event that happened. */
    public record EventRow(String what, String when, String detail, String by) {
    }

    /** A next step: recorded by a button, or on a page of its own when it needs more ({@code href}). */
    public record Step(String type, String label, String href) {
    }
}
