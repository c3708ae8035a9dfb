package org.carespec.platform.workforce.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.carespec.plugin.api.workforce.Credential;

/** What a provider manager records about its workers. */
public final class WorkerCommands {

    private WorkerCommands() {
    }

    public enum Kind { STAFF, VOLUNTEER }

    /** A member of staff or a volunteer; {@code userId} links the worker to their login, if they have one. */
    @Serdeable
    public record NewWorker(@NotBlank @Size(max = 200) String name, @NotNull Kind kind, @Nullable UUID userId,
                            @Nullable @Size(max = 200) String jobTitle, @Nullable LocalDate drivingLicenceExpiresOn,
                            @Nullable LocalDate motorInsuranceExpiresOn) {
    }

    /** A course completed: {@code trainingCode} is what modules require ({@code induction}). */
    @Serdeable
    public record Training(@NotBlank @Pattern(regexp = "^[a-z][a-z0-9-]{0,63}$",
            message = "must be a lower-case code such as induction") String trainingCode,
                           @Nullable @Size(max = 200) String title, @NotNull @PastOrPresent LocalDate completedOn,
                           @Nullable LocalDate expiresOn) {
    }

    /** A DBS check: level, certificate, issue date, Update Service subscription, and when it must be rechecked. */
    @Serdeable
    public record DbsCheck(@NotNull Credential.DbsLevel level,
                           @NotBlank @Pattern(regexp = "^[0-9]{12}$", message = "must be the 12-digit certificate number")
                           String certificateNumber,
                           @NotNull @PastOrPresent LocalDate issuedOn, boolean updateService,
                           @NotNull LocalDate recheckOn) {
    }
}
