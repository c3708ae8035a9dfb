package org.carespec.platform.referral.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.carespec.platform.calendar.LondonTime;
import org.carespec.platform.casework.service.CaseworkAccess;
import org.carespec.platform.database.Sql;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.referral.domain.ClockCycle;
import org.carespec.platform.referral.domain.ReferralStatus;
import org.carespec.platform.tenancy.Caller;
import org.carespec.plugin.api.rules.Priority;

/**
 * The provider's referrals list. The overdue list is driven by the open-clock index (provider, due date), most
 * overdue first, so it stays quick however many referrals a provider holds; the rest is newest first.
 */
@Singleton
public class ReferralList {

    private static final String NEXT_CLOCK = """
            (select c.clock_code || '|' || c.due_on from referral_clock c
             where c.tenant_id = r.tenant_id and c.referral_id = r.id and c.met_on is null and c.stopped_on is null
             order by c.due_on limit 1) as next_clock""";

    /**
     * Open referrals: the statuses that are not {@link ReferralStatus#isOpen() open}, spelled as the partial index
     * {@code referral_open_by_provider} (V26) spells them, so that the planner uses it.
     */
    static final String OPEN = " and r.status not in (" + Arrays.stream(ReferralStatus.values())
            .filter(s -> !s.isOpen()).map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ")) + ")";

    private final Sql sql;
    private final CaseworkAccess access;
    private final Clock clock;

    public ReferralList(Sql sql, CaseworkAccess access, Clock clock) {
        this.sql = sql;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public Page<ReferralListItem> list(ReferralFilter filter, PageRequest page) {
        return list(filter, page, 0);
    }

    /**
     * As {@link #list(ReferralFilter, PageRequest)}, counting no further than {@code countUpTo}: the total is
     * {@code countUpTo + 1} when there are more. For a page that says "more than 1,000" rather than count a large
     * provider's whole caseload on every view.
     */
    @Transactional
    public Page<ReferralListItem> listCountingUpTo(ReferralFilter filter, PageRequest page, long countUpTo) {
        return list(filter, page, Math.max(1, countUpTo));
    }

    private Page<ReferralListItem> list(ReferralFilter filter, PageRequest page, long countUpTo) {
        Caller caller = access.caller();
        LocalDate today = LondonTime.today(clock);
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        boolean byPerson = false;
        if (filter.contractId() != null) {
            where.append(" and r.contract_id = ?");
            parameters.add(filter.contractId());
        }
        if (filter.personId() != null) {
            where.append(" and r.person_id = ?");
            parameters.add(filter.personId());
        }
        if (filter.status() != null) {
            where.append(" and r.status = ?");
            parameters.add(filter.status().name());
        }
        if (filter.openOnly()) {
            where.append(OPEN);
        }
        if (filter.priority() != null) {
            where.append(" and r.priority = ?");
            parameters.add(filter.priority().name());
        }
        if (filter.receivedFrom() != null) {
            where.append(" and r.received_at >= ?");
            parameters.add(filter.receivedFrom());
        }
        if (filter.receivedBefore() != null) {
            where.append(" and r.received_at < ?");
            parameters.add(filter.receivedBefore());
        }
        if (filter.moduleCode() != null) {
            where.append(" and r.contract_id in (select k.id from contract k where k.tenant_id = r.tenant_id"
                    + " and k.module_id = ?)");
            parameters.add(filter.moduleCode());
        }
        if (filter.searchedNhsNumber() != null) {
            where.append(" and p.nhs_number = ?");
            parameters.add(filter.searchedNhsNumber());
            byPerson = true;
        } else if (filter.searchedNamePattern() != null) {
            where.append(" and (p.given_name || ' ' || p.family_name) ilike ?");
            parameters.add(filter.searchedNamePattern());
            byPerson = true;
        }
        if (filter.overdue() && where.isEmpty()) {
            return overdueOnly(caller, today, page);
        }
        // The count needs neither the person (a referral always has one) nor, without filters, the referral row:
        // the overdue count is an index-only scan of the open-clock index, the full count one of the provider index.
        String from;
        String countFrom;
        List<Object> all = new ArrayList<>();
        List<Object> counted = new ArrayList<>();
        String order;
        if (filter.overdue()) {
            String overdue = """
                    (select c.referral_id, min(c.due_on) as first_due from referral_clock c
                     where c.tenant_id = ? and c.provider_id = ? and c.met_on is null and c.stopped_on is null
                       and c.due_on < ? group by c.referral_id) o""";
            from = "from " + overdue + """

                    join referral r on r.tenant_id = ? and r.id = o.referral_id
                    join person p on p.tenant_id = r.tenant_id and p.id = r.person_id
                    where r.provider_id = ?""";
            all.addAll(List.of(caller.requireTenant(), caller.requireOrganisation(), today, caller.requireTenant(), caller.requireOrganisation()));
            countFrom = "from " + overdue + " join referral r on r.tenant_id = ? and r.id = o.referral_id"
                    + (byPerson ? " join person p on p.tenant_id = r.tenant_id and p.id = r.person_id" : "")
                    + " where r.provider_id = ?";
            counted.addAll(all);
            order = " order by o.first_due, r.id";
        } else {
            from = """
                    from referral r join person p on p.tenant_id = r.tenant_id and p.id = r.person_id
                    where r.tenant_id = ? and r.provider_id = ?""";
            countFrom = "from referral r" + (byPerson
                    ? " join person p on p.tenant_id = r.tenant_id and p.id = r.person_id" : "")
                    + " where r.tenant_id = ? and r.provider_id = ?";
            all.addAll(List.of(caller.requireTenant(), caller.requireOrganisation()));
            counted.addAll(all);
            order = " order by r.received_at desc, r.id";
        }
        all.addAll(parameters);
        counted.addAll(parameters);
        String count = countUpTo > 0 ? "select count(*) from (select 1 " + countFrom + where + " limit "
                + (countUpTo + 1) + ") up_to" : "select count(*) " + countFrom + where;
        return sql.page(count, counted, "select r.id, r.contract_id, r.person_id,"
                + " p.given_name || ' ' || p.family_name as person_name, r.received_at, r.source, r.status, r.priority,"
                + " r.eligible, " + NEXT_CLOCK + " " + from + where + order, all, page, rs -> item(rs, today));
    }

    /**
     * The overdue list on its own, the page a practitioner opens first thing: the open-clock index gives the overdue
     * referrals and their first due dates (an index-only scan), they are counted and cut to the page before any
     * referral or person row is read, so the cost grows with the number overdue, not with the provider's caseload.
     */
    private Page<ReferralListItem> overdueOnly(Caller caller, LocalDate today, PageRequest page) {
        String query = """
                select r.id, r.contract_id, r.person_id, p.given_name || ' ' || p.family_name as person_name,
                       r.received_at, r.source, r.status, r.priority, r.eligible, o.total, %s
                from (select a.referral_id, a.first_due, count(*) over () as total
                      from (select c.referral_id, min(c.due_on) as first_due from referral_clock c
                            where c.tenant_id = ? and c.provider_id = ? and c.met_on is null and c.stopped_on is null
                              and c.due_on < ?
                            group by c.referral_id) a
                      order by a.first_due, a.referral_id limit ? offset ?) o
                join referral r on r.tenant_id = ? and r.id = o.referral_id
                join person p on p.tenant_id = r.tenant_id and p.id = r.person_id
                order by o.first_due, o.referral_id""".formatted(NEXT_CLOCK);
        long[] total = {-1};
        List<ReferralListItem> items = sql.list(query, List.of(caller.requireTenant(), caller.requireOrganisation(), today,
                page.size(), page.offset(), caller.requireTenant()), rs -> {
                    total[0] = rs.getLong("total");
                    return item(rs, today);
                });
        if (total[0] < 0) { // a page past the end: count on its own
            total[0] = countOverdue(caller.requireTenant(), caller.requireOrganisation(), today);
        }
        return new Page<>(items, page.page(), page.size(), total[0]);
    }

    /** How many of the provider's referrals have a clock past its due date: an index-only scan of the open clocks. */
    long countOverdue(UUID tenant, UUID provider, LocalDate today) {
        return sql.count("select count(distinct c.referral_id) from referral_clock c where c.tenant_id = ?"
                + " and c.provider_id = ? and c.met_on is null and c.stopped_on is null and c.due_on < ?",
                List.of(tenant, provider, today));
    }

    private static ReferralListItem item(ResultSet rs, LocalDate today) throws SQLException {
        String next = rs.getString("next_clock");
        ReferralListItem.NextClock nextClock = null;
        if (next != null) {
            String[] parts = next.split("\\|");
            LocalDate due = LocalDate.parse(parts[1]);
            nextClock = new ReferralListItem.NextClock(parts[0], due,
                    new ClockCycle(parts[0], 1, due, due, null, null).statusOn(today));
        }
        return new ReferralListItem(Sql.uuid(rs, "id"), Sql.uuid(rs, "contract_id"), Sql.uuid(rs, "person_id"),
                rs.getString("person_name"), LondonTime.offset(Sql.instant(rs, "received_at")), rs.getString("source"),
                ReferralStatus.valueOf(rs.getString("status")), Priority.valueOf(rs.getString("priority")),
                rs.getBoolean("eligible"), nextClock);
    }
}
