package org.carespec.plugin.api.codes;

/** The codes of the lists the platform itself reads. A plugin may define other lists for its own forms. */
public final class CodeLists {

    /** Where a referral came from; a referral's {@code source} must be one of these. */
    public static final String REFERRAL_SOURCE = "referral-source";
    /** Why a referral was declined; a DECLINED event's {@code reason} must be one of these. */
    public static final String DECLINE_REASON = "decline-reason";
    /** Why a person left before meeting their plan's goals. */
    public static final String LEAVING_REASON = "leaving-reason";
    /** Where a person moved on to. */
    public static final String MOVING_ON_DESTINATION = "moving-on-destination";
    /** Kinds of group session. */
    public static final String GROUP_TYPE = "group-type";
    /** Kinds of activity or contact beyond the platform's own. */
    public static final String ACTIVITY_TYPE = "activity-type";
    /**
     * Kinds of break (short break, respite) where a specification counts them. Where a module declares this list, a
     * {@code BREAK} activity must give its kind as {@code data.breakType}, one of the list or of the contract's own
     * entries.
     */
    public static final String BREAK_TYPE = "break-type";
    /**
     * The agencies and services a provider signposts or refers people to. Where a module declares this list, an
     * activity's {@code agency} must be one of its codes or of the contract's own entries (a commissioner adds a local
     * agency without a deployment), so that one agency is always one code.
     */
    public static final String AGENCY = "agency";

    private CodeLists() {
    }
}
