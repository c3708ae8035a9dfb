package org.carespec.platform.workforce.service;

import java.time.LocalDate;
import java.util.Optional;
import org.carespec.plugin.api.workforce.Credential;
import org.carespec.plugin.api.workforce.WorkerRequirement;

/** Whether a worker holds what a requirement asks for on a given day, and if not, why in words. */
public final class WorkerCredentials {

    private WorkerCredentials() {
    }

    public static boolean applies(WorkerRequirement requirement, WorkerView worker, String workType) {
        return (requirement.activityTypes().isEmpty() || requirement.activityTypes().contains(workType))
                && (requirement.workerKinds().isEmpty() || requirement.workerKinds().contains(worker.kind()));
    }

    /** Empty when the worker may be assigned; else the reason, naming the requirement and its source. */
    public static Optional<String> refusal(WorkerRequirement requirement, WorkerView worker, LocalDate on) {
        Credential credential = requirement.credential();
        boolean held;
        String missing;
        if (credential instanceof Credential.Training t) {
            held = worker.training().stream().anyMatch(r -> r.trainingCode().equals(t.trainingCode())
                    && !r.completedOn().isAfter(on)
                    && r.completedOn().plusMonths(t.validForMonths()).isAfter(on)
                    && (r.expiresOn() == null || r.expiresOn().isAfter(on)));
            missing = "training '" + t.trainingCode() + "' completed within the last " + t.validForMonths()
                    + " months";
        } else if (credential instanceof Credential.DbsCheck d) {
            held = worker.dbsChecks().stream().anyMatch(c -> Credential.DbsLevel.valueOf(c.level())
                    .compareTo(d.level()) >= 0 && !c.issuedOn().isAfter(on) && c.recheckOn().isAfter(on));
            missing = "a " + d.level().name().toLowerCase().replace('_', ' ') + " DBS check that is not due for"
                    + " recheck";
        } else if (credential instanceof Credential.MotorInsurance) {
            held = worker.motorInsuranceExpiresOn() != null && worker.motorInsuranceExpiresOn().isAfter(on);
            missing = "motor insurance in date";
        } else {
            held = worker.drivingLicenceExpiresOn() != null && worker.drivingLicenceExpiresOn().isAfter(on);
            missing = "a driving licence in date";
        }
        return held ? Optional.empty() : Optional.of(worker.name() + " cannot be assigned: " + requirement.title()
                + " (" + requirement.source() + ") needs " + missing + ".");
    }
}
