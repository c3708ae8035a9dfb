package org.carespec.platform.deadline.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.carespec.platform.database.Sql;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.tenancy.Caller;
import org.carespec.platform.tenancy.CallerContext;
import org.carespec.plugin.api.Role;

/**
 * The alerts a caller may see: a provider's manager those of the provider's contracts, a commissioner those of
 * the contracts the commissioner holds, a tenant administrator all of the tenant's. Open ones first, soonest due.
 */
@Singleton
public class DeadlineAlerts {

    private final CallerContext callers;
    private final Sql sql;

    public DeadlineAlerts(CallerContext callers, Sql sql) {
        this.callers = callers;
        this.sql = sql;
    }

    @Transactional
    public Page<AlertView> list(boolean openOnly, PageRequest page) {
        Caller caller = callers.require();
        List<Object> parameters = new ArrayList<>();
        parameters.add(caller.requireTenant());
        StringBuilder where = new StringBuilder(" from deadline_alert a join contract c"
                + " on c.tenant_id = a.tenant_id and c.id = a.contract_id where a.tenant_id = ?");
        if (!caller.has(Role.TENANT_ADMIN)) {
            where.append(caller.has(Role.COMMISSIONER) ? " and c.commissioner_id = ?" : " and c.provider_id = ?");
            parameters.add(caller.requireOrganisation());
        }
        if (openOnly) {
            where.append(" and a.resolved_at is null");
        }
        return sql.page("select count(*)" + where, "select a.id, a.contract_id, c.reference, a.kind, a.subject,"
                + " a.title, a.due_on, a.raised_at, a.resolved_at" + where
                + " order by a.resolved_at is not null, a.due_on, a.kind, a.subject", parameters, page,
                rs -> new AlertView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
                        rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class)));
    }
}
