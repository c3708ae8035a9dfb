package org.carespec.platform.person.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Pattern;

/**
 * Equality monitoring: the protected characteristics of the Equality Act 2010 (age comes from the date of birth),
 * ethnicity as NHS Data Dictionary ethnic category codes, and armed forces status. Every answer allows
 * {@code NOT_STATED}; a field left out was not asked.
 *
 * @param ethnicity A White British, B White Irish, C any other White background, D White and Black Caribbean,
 *                  E White and Black African, F White and Asian, G any other mixed background, H Indian,
 *                  J Pakistani, K Bangladeshi, L any other Asian background, M Caribbean, N African, P any other
 *                  Black background, R Chinese, S any other ethnic group, Z not stated, 99 not known
 */
@Serdeable
public record Equality(
        @Nullable Sex sex,
        @Nullable GenderIdentity genderIdentity,
        @Nullable SexualOrientation sexualOrientation,
        @Nullable ReligionOrBelief religionOrBelief,
        @Nullable Answer disability,
        @Nullable MarriageOrCivilPartnership marriageOrCivilPartnership,
        @Nullable PregnancyOrMaternity pregnancyOrMaternity,
        @Nullable @Pattern(regexp = "^([A-HJ-NPRSZ]|99)$",
                message = "must be an NHS ethnic category code: A to S (no I, O or Q), Z (not stated) or 99 (not known)")
        String ethnicity,
        @Nullable ArmedForces armedForces) {

    public enum Sex { FEMALE, MALE, NOT_STATED }

    public enum GenderIdentity { SAME_AS_SEX_REGISTERED_AT_BIRTH, DIFFERENT_FROM_SEX_REGISTERED_AT_BIRTH, NOT_STATED }

    public enum SexualOrientation { HETEROSEXUAL, GAY_OR_LESBIAN, BISEXUAL, OTHER, NOT_STATED }

    public enum ReligionOrBelief { NO_RELIGION, CHRISTIAN, BUDDHIST, HINDU, JEWISH, MUSLIM, SIKH, OTHER, NOT_STATED }

    public enum Answer { YES, NO, NOT_STATED }

    public enum MarriageOrCivilPartnership { MARRIED, IN_A_CIVIL_PARTNERSHIP, NEITHER, NOT_STATED }

    public enum PregnancyOrMaternity { PREGNANT, ON_MATERNITY_LEAVE_OR_WITHIN_26_WEEKS_OF_BIRTH, NEITHER, NOT_STATED }

    /** Serving, a veteran (ex-service), a member of a service family, or none (002 §5.4 counts ex-service people). */
    public enum ArmedForces { NONE, SERVING, VETERAN, SERVICE_FAMILY, NOT_STATED }

    public static Equality none() {
        return new Equality(null, null, null, null, null, null, null, null, null);
    }
}
