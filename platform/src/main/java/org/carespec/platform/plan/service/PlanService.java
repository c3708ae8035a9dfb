package org.carespec.platform.plan.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.carespec.platform.calendar.LondonTime;
import org.carespec.platform.casework.service.CaseworkAccess;
import org.carespec.platform.contract.service.ContractService;
import org.carespec.platform.crypto.FieldCipher.FieldContext;
import org.carespec.platform.crypto.FieldCipher;
import org.carespec.platform.database.Ids;
import org.carespec.platform.database.Sql;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.errors.NotFoundException;
import org.carespec.platform.idempotency.Idempotency;
import org.carespec.platform.referral.service.ReferralCases;
import org.carespec.platform.tenancy.Caller;
import org.carespec.plugin.api.ReferralEventType;

/**
 * Plans with goals for a referral (a Well-being Plan, a support solution), reviewed on a cycle. Agreeing a plan
 * records PLAN_AGREED on the referral and a review records REVIEWED, so the module's clocks see both.
 */
@Singleton
public class PlanService {

    static final String REVIEW_NOTES = "plan_review.notes";
    private static final String REVIEW_SETTING = "/planReviewMonths";

    private final Sql sql;
    private final CaseworkAccess access;
    private final ReferralCases referrals;
    private final ContractService contracts;
    private final FieldCipher cipher;
    private final Idempotency idempotency;

    public PlanService(Sql sql, CaseworkAccess access, ReferralCases referrals, ContractService contracts,
                       FieldCipher cipher, Idempotency idempotency) {
        this.sql = sql;
        this.access = access;
        this.referrals = referrals;
        this.contracts = contracts;
        this.cipher = cipher;
        this.idempotency = idempotency;
    }

    @Transactional
    public PlanView agree(UUID referralId, PlanCommands.NewPlan c, String idempotencyKey) {
        Caller caller = access.caller();
        ReferralCases.OwnedReferral referral = referrals.requireOwned(referralId);
        return idempotency.once(idempotencyKey, "plan:" + referralId, c, () -> {
            // one plan, one review interval: the plan's own where it asks for more frequent reviews than the
            // contract, never less frequent (002 §4.12 "every six months, or more frequently"); the module's clock
            // reads the same figure (Deadline.orSoonerPerPlan)
            java.util.Optional<Integer> contractMonths = contracts.visible(referral.contractId()).terms()
                    .number(REVIEW_SETTING).map(BigDecimal::intValue);
            int months = c.reviewMonths() == null ? contractMonths.orElse(6)
                    : Math.min(c.reviewMonths(), contractMonths.orElse(c.reviewMonths()));
            referrals.recordEvent(referralId, ReferralEventType.PLAN_AGREED, noonOf(c.agreedOn()));
            UUID id = Ids.newId();
            sql.update("""
                    insert into plan (tenant_id, id, referral_id, person_id, agreed_on, review_months, next_review_on)
                    values (?, ?, ?, ?, ?, ?, ?)""", List.of(caller.requireTenant(), id, referralId, referral.personId(),
                    c.agreedOn(), months, c.agreedOn().plusMonths(months)));
            for (int i = 0; i < c.goals().size(); i++) {
                PlanCommands.Goal goal = c.goals().get(i);
                sql.update("insert into plan_goal (tenant_id, id, plan_id, position, title, detail)"
                        + " values (?, ?, ?, ?, ?, ?)", Arrays.asList(caller.requireTenant(), Ids.newId(), id, i,
                        goal.title().trim(), goal.detail()));
            }
            return id;
        }, this::get);
    }

    @Transactional
    public PlanView review(UUID planId, PlanCommands.Review c) {
        Caller caller = access.caller();
        PlanView plan = get(planId);
        if (c.reviewedOn().isBefore(plan.agreedOn())) {
            throw InvalidRequestException.of("reviewedOn", "must not be before the plan was agreed");
        }
        List<UUID> goals = plan.goals().stream().map(PlanView.GoalView::id).toList();
        for (int i = 0; i < c.goals().size(); i++) {
            if (!goals.contains(c.goals().get(i).goalId())) {
                throw InvalidRequestException.of("goals[" + i + "].goalId", "is not a goal of this plan");
            }
        }
        referrals.recordEvent(plan.referralId(), ReferralEventType.REVIEWED, noonOf(c.reviewedOn()));
        UUID id = Ids.newId();
        sql.update("insert into plan_review (tenant_id, id, plan_id, reviewed_on, notes_enc) values (?, ?, ?, ?, ?)",
                Arrays.asList(caller.requireTenant(), id, planId, c.reviewedOn(),
                        cipher.encrypt(c.notes(), FieldContext.of(caller.requireTenant(), REVIEW_NOTES, id))));
        for (PlanCommands.GoalProgress progress : c.goals()) {
            sql.update("insert into plan_goal_progress (tenant_id, review_id, goal_id, progress, comment)"
                    + " values (?, ?, ?, ?, ?) on conflict do nothing", Arrays.asList(caller.requireTenant(), id,
                    progress.goalId(), progress.progress().name(), progress.comment()));
        }
        sql.update("update plan set next_review_on = ? where tenant_id = ? and id = ?",
                List.of(c.reviewedOn().plusMonths(plan.reviewMonths()), caller.requireTenant(), planId));
        return get(planId);
    }

    /** The plans agreed for a referral of the caller's organisation, oldest first (404 for anyone else's). */
    @Transactional
    public List<PlanView> ofReferral(UUID referralId) {
        Caller caller = access.caller();
        referrals.requireOwned(referralId);
        return sql.list("select id from plan where tenant_id = ? and referral_id = ? order by agreed_on, created_at",
                List.of(caller.requireTenant(), referralId), rs -> Sql.uuid(rs, "id")).stream().map(this::get).toList();
    }

    @Transactional
    public PlanView get(UUID id) {
        Caller caller = access.caller();
        PlanView base = sql.one("""
                select pl.* from plan pl join referral r on r.tenant_id = pl.tenant_id and r.id = pl.referral_id
                where pl.tenant_id = ? and pl.id = ? and r.provider_id = ?""",
                List.of(caller.requireTenant(), id, caller.requireOrganisation()), rs -> new PlanView(Sql.uuid(rs, "id"),
                        Sql.uuid(rs, "referral_id"), Sql.uuid(rs, "person_id"), rs.getObject("agreed_on", LocalDate.class),
                        rs.getInt("review_months"), rs.getObject("next_review_on", LocalDate.class), List.of(), List.of()))
                .orElseThrow(() -> new NotFoundException("Plan " + id));
        List<PlanView.ReviewView> reviews = new ArrayList<>();
        for (var review : sql.list("select id, reviewed_on, notes_enc from plan_review where tenant_id = ? and plan_id = ?"
                + " order by reviewed_on, created_at", List.of(caller.requireTenant(), id), rs -> new Object[] {
                Sql.uuid(rs, "id"), rs.getObject("reviewed_on", LocalDate.class), rs.getBytes("notes_enc")})) {
            UUID reviewId = (UUID) review[0];
            List<PlanCommands.GoalProgress> progress = sql.list("select goal_id, progress, comment from"
                    + " plan_goal_progress where tenant_id = ? and review_id = ?", List.of(caller.requireTenant(), reviewId),
                    rs -> new PlanCommands.GoalProgress(Sql.uuid(rs, "goal_id"),
                            PlanCommands.Progress.valueOf(rs.getString("progress")), rs.getString("comment")));
            reviews.add(new PlanView.ReviewView(reviewId, (LocalDate) review[1],
                    cipher.decrypt((byte[]) review[2], FieldContext.of(caller.requireTenant(), REVIEW_NOTES, reviewId)),
                    progress));
        }
        List<PlanView.GoalView> goals = sql.list("""
                select g.id, g.title, g.detail,
                       (select gp.progress from plan_goal_progress gp join plan_review pr
                          on pr.tenant_id = gp.tenant_id and pr.id = gp.review_id
                        where gp.tenant_id = g.tenant_id and gp.goal_id = g.id
                        order by pr.reviewed_on desc, pr.created_at desc limit 1) as latest
                from plan_goal g where g.tenant_id = ? and g.plan_id = ? order by g.position""",
                List.of(caller.requireTenant(), id), rs -> new PlanView.GoalView(Sql.uuid(rs, "id"), rs.getString("title"),
                        rs.getString("detail"), rs.getString("latest")));
        return new PlanView(base.id(), base.referralId(), base.personId(), base.agreedOn(), base.reviewMonths(),
                base.nextReviewOn(), goals, reviews);
    }

    /** A plan agreed "on a day" is recorded at noon London time, so it falls on that day in every event ordering. */
    private static java.time.Instant noonOf(LocalDate date) {
        return date.atTime(LocalTime.NOON).atZone(LondonTime.ZONE).toInstant();
    }
}
