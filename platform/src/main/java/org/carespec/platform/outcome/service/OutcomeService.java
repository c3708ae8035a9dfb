package org.carespec.platform.outcome.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.carespec.platform.casework.service.CaseworkAccess.CaseContract;
import org.carespec.platform.casework.service.CaseworkAccess;
import org.carespec.platform.database.Ids;
import org.carespec.platform.database.Sql;
import org.carespec.platform.errors.FieldError;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.idempotency.Idempotency;
import org.carespec.platform.json.Json;
import org.carespec.platform.person.service.PersonService;
import org.carespec.platform.tenancy.Caller;
import org.carespec.plugin.api.outcome.OutcomeInstrument;
import org.carespec.plugin.api.outcome.Scale;

/** Readings of an outcome instrument (an outcome star) and distance travelled: latest minus first, per scale. */
@Singleton
public class OutcomeService {

    private final Sql sql;
    private final CaseworkAccess access;
    private final PersonService people;
    private final Idempotency idempotency;

    public OutcomeService(Sql sql, CaseworkAccess access, PersonService people, Idempotency idempotency) {
        this.sql = sql;
        this.access = access;
        this.people = people;
        this.idempotency = idempotency;
    }

    /** A reading: a score on every scale of the instrument, within its range. */
    @Serdeable
    public record Reading(@NotNull UUID contractId, @NotBlank @Size(max = 64) String instrument,
                          @NotNull @PastOrPresent LocalDate takenOn, @NotEmpty Map<String, Integer> scores,
                          @Nullable UUID referralId) {
    }

    @Serdeable
    public record Outcomes(String instrument, List<Recorded> readings, Map<String, Integer> distanceTravelled) {
    }

    @Serdeable
    public record Recorded(UUID id, LocalDate takenOn, Map<String, Integer> scores) {
    }

    @Transactional
    public Outcomes record(UUID personId, Reading reading, String idempotencyKey) {
        Caller caller = access.caller();
        people.requireOwn(caller, personId, "id");
        CaseContract contract = access.ownContract(reading.contractId());
        OutcomeInstrument instrument = instrument(contract, reading.instrument());
        List<FieldError> errors = new ArrayList<>();
        for (Scale scale : instrument.scales()) {
            Integer score = reading.scores().get(scale.code());
            if (score == null) {
                errors.add(new FieldError("scores." + scale.code(), "is required"));
            } else if (score < scale.min() || score > scale.max()) {
                errors.add(new FieldError("scores." + scale.code(), "must be between " + scale.min() + " and "
                        + scale.max()));
            }
        }
        for (String given : reading.scores().keySet()) {
            if (instrument.scales().stream().noneMatch(s -> s.code().equals(given))) {
                errors.add(new FieldError("scores." + given, "is not a scale of " + instrument.code()));
            }
        }
        if (reading.referralId() != null && !isReferralOf(personId, reading.contractId(), reading.referralId())) {
            // the same answer whether the referral is another person's, another provider's or does not exist
            errors.add(new FieldError("referralId", "must be a referral of this person under this contract"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        idempotency.once(idempotencyKey, "outcome:" + personId, reading, () -> {
            UUID id = Ids.newId();
            sql.update("""
                    insert into outcome_reading (tenant_id, id, contract_id, person_id, referral_id, instrument, taken_on,
                        scores) values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""",
                    Arrays.asList(caller.requireTenant(), id, reading.contractId(), personId, reading.referralId(),
                            instrument.code(), reading.takenOn(), Json.write(reading.scores())));
            return id;
        }, id -> id);
        return outcomes(personId, reading.instrument());
    }

    @Transactional
    public Outcomes outcomes(UUID personId, String instrument) {
        Caller caller = access.caller();
        people.requireOwn(caller, personId, "id");
        List<Recorded> readings = sql.list("select id, taken_on, scores from outcome_reading where tenant_id = ?"
                + " and person_id = ? and instrument = ? order by taken_on, created_at",
                List.of(caller.requireTenant(), personId, instrument), rs -> {
                    Map<String, Integer> scores = new LinkedHashMap<>();
                    Json.toMap(rs.getString("scores")).forEach((k, v) -> scores.put(k, ((Number) v).intValue()));
                    return new Recorded(Sql.uuid(rs, "id"), rs.getObject("taken_on", LocalDate.class), scores);
                });
        Map<String, Integer> distance = new LinkedHashMap<>();
        if (readings.size() >= 2) {
            Recorded first = readings.get(0);
            Recorded last = readings.get(readings.size() - 1);
            last.scores().forEach((scale, score) -> Optional.ofNullable(first.scores().get(scale))
                    .ifPresent(start -> distance.put(scale, score - start)));
        }
        return new Outcomes(instrument, readings, distance);
    }

    /** Issue 17, finding 5: an id in the body is checked as an id in a path is. The contract is already the caller's. */
    private boolean isReferralOf(UUID personId, UUID contractId, UUID referralId) {
        return sql.one("select 1 from referral where tenant_id = carespec_current_tenant() and id = ?"
                + " and person_id = ? and contract_id = ?", List.of(referralId, personId, contractId),
                rs -> rs.getInt(1)).isPresent();
    }

    private static OutcomeInstrument instrument(CaseContract contract, String code) {
        return contract.module().outcomeInstruments().stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> InvalidRequestException.of("instrument", "is not an outcome instrument of module "
                        + contract.module().id()));
    }
}
