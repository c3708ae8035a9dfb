package org.carespec.platform.referral.service;

import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.carespec.platform.calendar.LondonTime;
import org.carespec.platform.casework.service.CaseworkAccess;
import org.carespec.platform.referral.repository.ClocksChanged;
import org.carespec.platform.tenancy.Caller;

/**
 * How many of the caller's provider's referrals have a clock past its due date: the count every page shows in its
 * navigation. Counting is an index-only scan of the open clocks, but at 100,000 referrals a provider it is still the
 * most expensive thing a page does, so the count is kept for {@code carespec.web.overdue-count-for} (30 s) per
 * provider and forgotten as soon as a clock of that provider changes in this instance. Another instance's change
 * shows within that time; the caseload's own overdue list is always counted afresh.
 */
@Singleton
public class OverdueCount {

    private final ReferralList referrals;
    private final CaseworkAccess access;
    private final Clock clock;
    private final Duration keepFor;
    private final Map<Key, Counted> counted = new ConcurrentHashMap<>();

    public OverdueCount(ReferralList referrals, CaseworkAccess access, Clock clock,
                        @Value("${carespec.web.overdue-count-for:30s}") Duration keepFor) {
        this.referrals = referrals;
        this.access = access;
        this.clock = clock;
        this.keepFor = keepFor;
    }

    /** The number of the caller's provider's referrals with an overdue clock today. */
    @Transactional
    public long ofCallersProvider() {
        Caller caller = access.caller();
        Key key = new Key(caller.requireTenant(), caller.requireOrganisation());
        LocalDate today = LondonTime.today(clock);
        Instant now = clock.instant();
        Counted known = counted.get(key);
        if (known != null && known.day().equals(today) && known.at().plus(keepFor).isAfter(now)) {
            return known.count();
        }
        long count = referrals.countOverdue(key.tenant(), key.provider(), today);
        counted.put(key, new Counted(count, today, now));
        return count;
    }

    @EventListener
    void forget(ClocksChanged changed) {
        counted.remove(new Key(changed.tenantId(), changed.providerId()));
    }

    private record Key(UUID tenant, UUID provider) {
    }

    private record Counted(long count, LocalDate day, Instant at) {
    }
}
