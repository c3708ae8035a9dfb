package org.carespec.platform.workforce.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.carespec.plugin.api.workforce.Credential;

/** A worker with their training and DBS checks. Certificate numbers show their last four digits only. */
@Serdeable
public record WorkerView(UUID id, String name,
                         @Schema(implementation = WorkerCommands.Kind.class) String kind, @Nullable UUID userId, @Nullable String jobTitle,
                         @Nullable LocalDate drivingLicenceExpiresOn, @Nullable LocalDate motorInsuranceExpiresOn,
                         List<TrainingRecord> training, List<DbsRecord> dbsChecks) {

    @Serdeable
    public record TrainingRecord(UUID id, String trainingCode, @Nullable String title, LocalDate completedOn,
                                 @Nullable LocalDate expiresOn) {
    }

    @Serdeable
    public record DbsRecord(UUID id, @Schema(implementation = Credential.DbsLevel.class) String level, String certificateNumber, LocalDate issuedOn,
                            boolean updateService, LocalDate recheckOn) {
    }
}
