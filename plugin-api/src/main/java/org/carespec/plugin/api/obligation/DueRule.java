package org.carespec.plugin.api.obligation;

import java.time.MonthDay;
import java.util.Objects;
import org.carespec.plugin.api.ReferralEventType;
import org.carespec.plugin.api.clock.DeadlineUnit;

/** When a contract obligation falls due. The platform turns it into a schedule for each contract. */
public sealed interface DueRule {

    /** N working days after each UK financial-year quarter ends (a quarterly return). */
    record AfterEachQuarter(int workingDays, String setting) implements DueRule {
    }

    /**
     * The quarterly return itself: due when the platform's return for the quarter is due (the contract's
     * {@code returnDueWorkingDays}, else 10 working days after the quarter), and done when that return is submitted
     * and not sent back, with nothing for the provider to record by hand.
     */
    record QuarterlyReturn() implements DueRule {
    }

    /** By the last day of each quarter (a quarterly monitoring meeting). */
    record EachQuarter() implements DueRule {
    }

    /** On a fixed date each year of the contract (an Equality Impact Assessment by 30 September). */
    record EachYearOn(MonthDay date) implements DueRule {
        public EachYearOn {
            Objects.requireNonNull(date, "date");
        }
    }

    /**
     * Once in each year of the contract, the final one included, due on that year's last day (the day before the
     * anniversary of the start), or on the contract's end when the final year is short (an annual report, an annual
     * review meeting).
     */
    record EachContractYear() implements DueRule {
    }

    /** Once, N units after the contract starts (Mindful Employer within six months). */
    record AfterContractStart(int amount, DeadlineUnit unit) implements DueRule {
        public AfterContractStart {
            Objects.requireNonNull(unit, "unit");
        }
    }

    /**
     * Once for each referral of the contract, N units after the referral's first event of a type (mobilisation
     * within 20 weeks of a care package being agreed, 004 Part 2 §4.4). Each occurrence is keyed by the
     * referral's id.
     */
    record AfterReferralEvent(ReferralEventType event, int amount, DeadlineUnit unit) implements DueRule {
        public AfterReferralEvent {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(unit, "unit");
        }
    }

    static DueRule workingDaysAfterEachQuarter(int workingDays) {
        return new AfterEachQuarter(workingDays, null);
    }

    static DueRule quarterlyReturn() {
        return new QuarterlyReturn();
    }

    static DueRule eachQuarter() {
        return new EachQuarter();
    }

    static DueRule eachYearOn(MonthDay date) {
        return new EachYearOn(date);
    }

    static DueRule eachContractYear() {
        return new EachContractYear();
    }

    static DueRule afterContractStart(int amount, DeadlineUnit unit) {
        return new AfterContractStart(amount, unit);
    }

    static DueRule afterReferralEvent(ReferralEventType event, int amount, DeadlineUnit unit) {
        return new AfterReferralEvent(event, amount, unit);
    }
}
