package org.carespec.platform.contract.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.carespec.platform.contract.domain.Contract;
import org.carespec.platform.contract.domain.ContractBasis;
import org.carespec.platform.json.Json;

@Serdeable
public record ContractView(UUID id, String moduleId, String reference, String title, UUID commissionerId,
                           UUID providerId, LocalDate startDate, LocalDate endDate, @Nullable LocalDate reviewDate,
                           long annualValuePence, ContractBasis basis, Set<Integer> outcomeDomains,
                           Map<String, Object> settings, @Nullable String contractManagerName,
                           @Nullable String contractManagerEmail,
                           Instant createdAt, Instant updatedAt, @Nullable String specificationPart,
                           @Nullable String unitOfMeasurement, @Nullable Long unitPricePence,
                           @Nullable String volumeThresholds, @Nullable Long maxUnitPricePence) {

    public static ContractView of(Contract c) {
        return new ContractView(c.id(), c.moduleId(), c.reference(), c.title(), c.commissionerId(), c.providerId(),
                c.startDate(), c.endDate(), c.reviewDate(), c.annualValuePence(), c.basis(),
                new TreeSet<>(Arrays.asList(c.outcomeDomains())), Json.toMap(c.settings()), c.contractManagerName(),
                c.contractManagerEmail(), c.createdAt(), c.updatedAt(), c.specificationPart(),
                c.unitOfMeasurement(), c.unitPricePence(), c.volumeThresholds(), c.maxUnitPricePence());
    }
}
