package org.carespec.module.carersoptions;

import java.time.MonthDay;
import java.util.List;
import java.util.Set;
import org.carespec.plugin.api.ReferralEventType;
import org.carespec.plugin.api.clock.ClockDefinition;
import org.carespec.plugin.api.clock.Deadline;
import org.carespec.plugin.api.clock.DeadlineUnit;
import org.carespec.plugin.api.clock.Milestone;
import org.carespec.plugin.api.obligation.DueRule;
import org.carespec.plugin.api.obligation.ObligationDefinition;
import org.carespec.plugin.api.outcome.OutcomeInstrument;
import org.carespec.plugin.api.outcome.Scale;
import org.carespec.plugin.api.workforce.Credential;
import org.carespec.plugin.api.workforce.WorkerRequirement;

/** What the service must do, and by when: response clocks, contract obligations, volunteers, outcome measures. */
final class CarersOptionsDuties {

    static final List<ClockDefinition> CLOCKS = List.of(
            // §4.11: contact within 3 working days of receipt, to set up the initial meeting...
            ClockDefinition.of("first-contact", "First contact within 3 working days", Sections.RESPONSE_TIMES,
                    Milestone.received(), Milestone.event(ReferralEventType.CONTACTED), Deadline.workingDays(3)),
            // ...which takes place within 10 working days of receipt.
            ClockDefinition.of("initial-meeting", "Initial meeting within 10 working days", Sections.RESPONSE_TIMES,
                    Milestone.received(), Milestone.event(ReferralEventType.FIRST_VISIT), Deadline.workingDays(10)),
            // §4.12: the Well-being Plan (the platform's plan) is reviewed six-monthly "or more frequently": from its
            // agreement and each review, the contract's interval or the plan's own where it is shorter.
            ClockDefinition.of("plan-review", "Well-being Plan reviewed", Sections.ASSESSMENT_AND_PLAN,
                    Milestone.event(ReferralEventType.PLAN_AGREED), Milestone.event(ReferralEventType.REVIEWED),
                    Deadline.months(6).variableAt("/planReviewMonths").orSoonerPerPlan())
                    .restartingEachTimeItStops());

    static final List<ObligationDefinition> OBLIGATIONS = List.of(
            // §5.3: the quarterly monitoring report is the platform's return; submitting it fulfils this duty.
            new ObligationDefinition("quarterly-return", "Quarterly monitoring report", Sections.RETURN_DUE,
                    DueRule.quarterlyReturn()),
            // §5.2: monitoring meetings with the commissioners take place on a quarterly basis.
            new ObligationDefinition("monitoring-meeting", "Quarterly monitoring meeting with the commissioners",
                    Sections.MONITORING_MEETINGS, DueRule.eachQuarter()),
            // §5.5: the Equality Impact Assessment, with an improvement plan, by 30 September each year.
            new ObligationDefinition("equality-impact-assessment", "Equality Impact Assessment and improvement plan",
                    Sections.EQUALITY_IMPACT, DueRule.eachYearOn(MonthDay.of(9, 30))),
            // §5.7: an annual report including feedback from people using the service, referrers etc.
            new ObligationDefinition("annual-report", "Annual report with feedback from people and referrers",
                    Sections.ANNUAL_REPORT, DueRule.eachContractYear()),
            // §5.8: an annual review meeting with those who took part in the consultation opportunities.
            new ObligationDefinition("annual-review-meeting", "Annual review meeting", Sections.ANNUAL_REVIEW,
                    DueRule.eachContractYear()),
            // §5.9: part of the Mindful Employer initiative within 6 months of commencing the service.
            new ObligationDefinition("mindful-employer", "Mindful Employer: part of the initiative",
                    Sections.MINDFUL_EMPLOYER, DueRule.afterContractStart(6, DeadlineUnit.MONTHS)),
            // §3.5, §4.6: gather and map information on carers' support services on an annual basis.
            new ObligationDefinition("carers-services-mapping", "Annual mapping of carers' support services",
                    Sections.MAPPING, DueRule.eachContractYear()));

    /**
     * §4.17: volunteers' in-house training is kept up to date; one out of date may not support a break, nor run or
     * help at a carers' group (support group, forum, training for carers). A break names who gave it
     * ({@link CarersOptionsActivities}), so the gate cannot be stepped round by leaving the worker out.
     */
    static final WorkerRequirement VOLUNTEER_TRAINING = new WorkerRequirement("volunteer-training",
            "Volunteers need up-to-date in-house training", Sections.VOLUNTEERS,
            Set.of("BREAK", "SUPPORT_GROUP", "FORUM", "CARER_TRAINING"), Set.of("VOLUNTEER"),
            new Credential.Training("in-house-training", 12));

    /** §4.3, §6.2: outcome measures after Triangle Consulting's Outcomes Star, in its carers' version. */
    static final OutcomeInstrument CARERS_STAR = new OutcomeInstrument("carers-star", "Carers Star",
            Sections.OUTCOME_MEASURES, List.of(
                    new Scale("health", "Health", 1, 10),
                    new Scale("caring-role", "The caring role", 1, 10),
                    new Scale("managing-at-home", "Managing at home", 1, 10),
                    new Scale("time-for-yourself", "Time for yourself", 1, 10),
                    new Scale("how-you-feel", "How you feel", 1, 10),
                    new Scale("finances", "Finances", 1, 10),
                    new Scale("work", "Work", 1, 10)));

    private CarersOptionsDuties() {
    }
}
