package org.carespec.platform.contract.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.carespec.platform.json.Json;
import org.carespec.plugin.api.JsonView;

/**
 * A commissioner's contract with a provider for one service specification: how a provider enables a module. Its
 * header follows the NHS specification header (000 §2.1, 001): spec number, dates, value and basis, and the NHS
 * Outcomes Framework domains ticked. {@code settings} is JSON valid against the module's settings schema. The
 * contract manager is copied into letters declining referrals (002 §4.13).
 */
@MappedEntity("contract")
public record Contract(@Id UUID id, @TenantId @TypeDef(type = DataType.UUID) String tenantId, String moduleId, String reference, String title,
                       UUID commissionerId, UUID providerId, LocalDate startDate, LocalDate endDate,
                       @Nullable LocalDate reviewDate, long annualValuePence, ContractBasis basis,
                       @TypeDef(type = DataType.INTEGER_ARRAY) Integer[] outcomeDomains,
                       @TypeDef(type = DataType.JSON) String settings,
                       @Nullable String contractManagerName, @Nullable String contractManagerEmail,
                       @DateCreated Instant createdAt, @DateUpdated Instant updatedAt,
                       @Nullable String specificationPart, @Nullable String unitOfMeasurement,
                       @Nullable Long unitPricePence, @Nullable String volumeThresholds,
                       @Nullable Long maxUnitPricePence) {

    /** The module's settings for this contract (valid against its schema, defaults filled in), read from JSON. */
    public JsonView terms() {
        return JsonView.of(Json.toMap(settings));
    }
}
