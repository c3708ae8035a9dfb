package org.carespec.plugin.api;

/**
 * The version of this contract. A plugin states the range it needs in its descriptor
 * ({@code "[2.0,3.0)"}); the platform refuses plugins whose range does not contain this version.
 *
 * <p>Minor versions only add {@code default} methods and new record types; a major version may break. 2.0 made
 * everything a module records after a referral a declared {@code RecordType} (1.x forms of other purposes), the
 * referral's own form a {@code ReferralForm}, let a clock stop on the first of several milestones and apply under a
 * condition, and let schema fields name enforced code lists; a plugin built for 1.x is refused at start-up. 2.1 added
 * compound clock conditions ({@code allOf}, {@code anyOf}), a deadline a case may shorten ({@code orSoonerPerCase}),
 * rules guarding a worker's assignment ({@code GuardedActions.ASSIGN_WORKER}) and the person's local authority.
 * 2.2 added the agency code list ({@code CodeLists.AGENCY}) and a break type the platform enforces, a review clock
 * the plan's own interval may shorten ({@code Deadline.orSoonerPerPlan}), and the worker, date and agency in the
 * data an activity's action rule sees.
 */
public final class PluginApi {

    /** The running plugin-api version. */
    public static Version version() {
        return Version.parse("2.2.0");
    }

    private PluginApi() {
    }
}
