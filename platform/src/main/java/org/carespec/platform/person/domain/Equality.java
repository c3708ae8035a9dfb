package org.carespec.platform.person.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Pattern;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Equality monitoring: the protected characteristics of the Equality Act 2010 (age comes from the date of birth),
 * ethnicity as NHS Data Dictionary ethnic category codes, and armed forces status. Every answer allows
 * {@code NOT_STATED}; a field left out was not asked.
 *
 * @param ethnicity an NHS Data Dictionary ethnic category code, one of {@link #ETHNIC_CATEGORIES}
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

    /** NHS Data Dictionary ethnic categories: each code and what it means, in the order the dictionary lists them. */
    public static final Map<String, String> ETHNIC_CATEGORIES = ethnicCategories();

    private static Map<String, String> ethnicCategories() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("A", "White: British");
        codes.put("B", "White: Irish");
        codes.put("C", "White: any other White background");
        codes.put("D", "Mixed: White and Black Caribbean");
        codes.put("E", "Mixed: White and Black African");
        codes.put("F", "Mixed: White and Asian");
        codes.put("G", "Mixed: any other mixed background");
        codes.put("H", "Asian or Asian British: Indian");
        codes.put("J", "Asian or Asian British: Pakistani");
        codes.put("K", "Asian or Asian British: Bangladeshi");
        codes.put("L", "Asian or Asian British: any other Asian background");
        codes.put("M", "Black or Black British: Caribbean");
        codes.put("N", "Black or Black British: African");
        codes.put("P", "Black or Black British: any other Black background");
        codes.put("R", "Other ethnic groups: Chinese");
        codes.put("S", "Other ethnic groups: any other ethnic group");
        codes.put("Z", "Not stated");
        codes.put("99", "Not known");
        return Collections.unmodifiableMap(codes);
    }

    public static Equality none() {
        return new Equality(null, null, null, null, null, null, null, null, null);
    }
}
