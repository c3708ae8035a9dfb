package org.carespec.platform.workforce.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carespec.platform.casework.service.ActionGuard;
import org.carespec.platform.casework.service.CaseworkAccess;
import org.carespec.platform.casework.service.CaseworkAccess.CaseContract;
import org.carespec.platform.crypto.FieldCipher;
import org.carespec.platform.crypto.FieldCipher.FieldContext;
import org.carespec.platform.database.Ids;
import org.carespec.platform.database.Sql;
import org.carespec.platform.errors.ConflictException;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.errors.NotFoundException;
import org.carespec.platform.idempotency.Idempotency;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.plugin.InstalledPlugin;
import org.carespec.platform.tenancy.Caller;
import org.carespec.plugin.api.JsonView;
import org.carespec.plugin.api.rules.GuardedActions;
import org.carespec.plugin.api.workforce.WorkerRequirement;

/** A provider's staff and volunteers, their training and DBS checks, and whether they may be assigned to work. */
@Singleton
public class WorkerService {

    static final String CERTIFICATE = "worker_dbs_check.certificate_number";

    private final Sql sql;
    private final CaseworkAccess access;
    private final FieldCipher cipher;
    private final Idempotency idempotency;
    private final ActionGuard guard;

    public WorkerService(Sql sql, CaseworkAccess access, FieldCipher cipher, Idempotency idempotency,
                         ActionGuard guard) {
        this.sql = sql;
        this.access = access;
        this.cipher = cipher;
        this.idempotency = idempotency;
        this.guard = guard;
    }

    @Transactional
    public WorkerView create(WorkerCommands.NewWorker c, String idempotencyKey) {
        Caller caller = access.caller();
        return idempotency.once(idempotencyKey, "worker", c, () -> {
            if (c.userId() != null && sql.count("select count(*) from membership where tenant_id = ? and user_id = ?"
                    + " and organisation_id = ?", List.of(caller.requireTenant(), c.userId(), caller.requireOrganisation())) == 0) {
                throw InvalidRequestException.of("userId", "is not a user of your organisation");
            }
            UUID id = Ids.newId();
            sql.update("""
                    insert into worker (tenant_id, id, provider_id, user_id, name, kind, job_title,
                        driving_licence_expires_on, motor_insurance_expires_on) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    Arrays.asList(caller.requireTenant(), id, caller.requireOrganisation(), c.userId(), c.name().trim(),
                            c.kind().name(), c.jobTitle(), c.drivingLicenceExpiresOn(), c.motorInsuranceExpiresOn()));
            return id;
        }, this::get);
    }

    @Transactional
    public WorkerView addTraining(UUID workerId, WorkerCommands.Training c) {
        Caller caller = access.caller();
        get(workerId);
        if (c.expiresOn() != null && !c.expiresOn().isAfter(c.completedOn())) {
            throw InvalidRequestException.of("expiresOn", "must be after completedOn");
        }
        sql.update("insert into worker_training (tenant_id, id, worker_id, training_code, title, completed_on, expires_on)"
                        + " values (?, ?, ?, ?, ?, ?, ?)", Arrays.asList(caller.requireTenant(), Ids.newId(), workerId,
                c.trainingCode(), c.title(), c.completedOn(), c.expiresOn()));
        return get(workerId);
    }

    @Transactional
    public WorkerView addDbsCheck(UUID workerId, WorkerCommands.DbsCheck c) {
        Caller caller = access.caller();
        get(workerId);
        if (!c.recheckOn().isAfter(c.issuedOn())) {
            throw InvalidRequestException.of("recheckOn", "must be after issuedOn");
        }
        UUID id = Ids.newId();
        sql.update("""
                insert into worker_dbs_check (tenant_id, id, worker_id, level, certificate_number_enc, issued_on,
                    update_service, recheck_on) values (?, ?, ?, ?, ?, ?, ?, ?)""",
                Arrays.asList(caller.requireTenant(), id, workerId, c.level().name(),
                        cipher.encrypt(c.certificateNumber(), FieldContext.of(caller.requireTenant(), CERTIFICATE, id)),
                        c.issuedOn(), c.updateService(), c.recheckOn()));
        return get(workerId);
    }

    @Transactional
    public WorkerView get(UUID id) {
        Caller caller = access.caller();
        WorkerView base = sql.one("select * from worker where tenant_id = ? and id = ? and provider_id = ?",
                List.of(caller.requireTenant(), id, caller.requireOrganisation()), rs -> new WorkerView(Sql.uuid(rs, "id"),
                        rs.getString("name"), rs.getString("kind"), Sql.uuid(rs, "user_id"), rs.getString("job_title"),
                        rs.getObject("driving_licence_expires_on", LocalDate.class),
                        rs.getObject("motor_insurance_expires_on", LocalDate.class), List.of(), List.of()))
                .orElseThrow(() -> new NotFoundException("Worker " + id));
        List<WorkerView.TrainingRecord> training = sql.list("select * from worker_training where tenant_id = ? and"
                + " worker_id = ? order by completed_on desc", List.of(caller.requireTenant(), id),
                rs -> new WorkerView.TrainingRecord(Sql.uuid(rs, "id"), rs.getString("training_code"),
                        rs.getString("title"), rs.getObject("completed_on", LocalDate.class),
                        rs.getObject("expires_on", LocalDate.class)));
        List<WorkerView.DbsRecord> dbs = sql.list("select * from worker_dbs_check where tenant_id = ? and worker_id = ?"
                + " order by issued_on desc", List.of(caller.requireTenant(), id), rs -> {
                    UUID check = Sql.uuid(rs, "id");
                    String number = cipher.decrypt(rs.getBytes("certificate_number_enc"),
                            FieldContext.of(caller.requireTenant(), CERTIFICATE, check));
                    return new WorkerView.DbsRecord(check, rs.getString("level"),
                            "********" + number.substring(number.length() - 4),
                            rs.getObject("issued_on", LocalDate.class), rs.getBoolean("update_service"),
                            rs.getObject("recheck_on", LocalDate.class));
                });
        return new WorkerView(base.id(), base.name(), base.kind(), base.userId(), base.jobTitle(),
                base.drivingLicenceExpiresOn(), base.motorInsuranceExpiresOn(), training, dbs);
    }

    @Transactional
    public Page<WorkerView> list(PageRequest page) {
        Caller caller = access.caller();
        String where = " from worker where tenant_id = ? and provider_id = ?";
        return sql.page("select count(*)" + where, "select id" + where + " order by name, id",
                List.of(caller.requireTenant(), caller.requireOrganisation()), page, rs -> Sql.uuid(rs, "id"))
                .map(this::get);
    }

    /**
     * Refuses, with 409 and the reason, to assign a worker to work of a type on a day when a requirement of the
     * contract's module is not met, or one of its action rules for {@link GuardedActions#ASSIGN_WORKER} refuses;
     * 400 naming {@code field} if the worker is not the caller's organisation's.
     *
     * @param person the person the work is for, whose records the rules may read; {@code null} for group work
     */
    @Transactional
    public void checkAssignment(CaseContract contract, UUID workerId, String workType, LocalDate on, String field,
                                UUID person) {
        InstalledPlugin module = contract.module();
        WorkerView worker;
        try {
            worker = get(workerId);
        } catch (NotFoundException e) {
            throw InvalidRequestException.of(field, "is not a worker of your organisation");
        }
        for (WorkerRequirement requirement : module.workerRequirements()) {
            if (WorkerCredentials.applies(requirement, worker, workType)) {
                WorkerCredentials.refusal(requirement, worker, on).ifPresent(reason -> {
                    throw new ConflictException(reason);
                });
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("workerId", worker.id().toString());
        data.put("kind", worker.kind());
        data.put("workType", workType);
        data.put("on", on.toString());
        data.put("trainingHeld", worker.training().stream()
                .filter(t -> !t.completedOn().isAfter(on) && (t.expiresOn() == null || !t.expiresOn().isBefore(on)))
                .map(WorkerView.TrainingRecord::trainingCode).distinct().sorted().toList());
        guard.check(contract, GuardedActions.ASSIGN_WORKER, access.caller().requireTenant(), person, JsonView.of(data));
    }
}
