package org.carespec.platform.workforce.service;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A worker with their training and DBS checks. Certificate numbers show their last four digits only. */
@Serdeable
public record WorkerView(UUID id, String name, String kind, UUID userId, String jobTitle,
                         LocalDate drivingLicenceExpiresOn, LocalDate motorInsuranceExpiresOn,
                         List<TrainingRecord> training, List<DbsRecord> dbsChecks) {

    @Serdeable
    public record TrainingRecord(UUID id, String trainingCode, String title, LocalDate completedOn,
                                 LocalDate expiresOn) {
    }

    @Serdeable
    public record DbsRecord(UUID id, String level, String certificateNumber, LocalDate issuedOn,
                            boolean updateService, LocalDate recheckOn) {
    }
}
