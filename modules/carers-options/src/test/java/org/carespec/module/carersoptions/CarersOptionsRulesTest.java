package org.carespec.module.carersoptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carespec.plugin.api.JsonView;
import org.carespec.plugin.api.rules.ActionFacts;
import org.carespec.plugin.api.rules.GuardedActions;
import org.carespec.plugin.api.rules.PersonFacts;
import org.carespec.plugin.api.rules.Priority;
import org.carespec.plugin.api.rules.ReferralFacts;
import org.carespec.plugin.api.rules.RelatedPersonFacts;
import org.carespec.plugin.api.rules.Relationships;
import org.carespec.plugin.api.rules.RuleVerdict;
import org.carespec.plugin.api.rules.RecordOnFile;
import org.carespec.plugin.api.rules.ReferralSnapshot;
import org.carespec.platform.test.kit.Facts;
import org.junit.jupiter.api.Test;

/**
 * Each rule of the module against the seed, without a database: the facts a referral or an action gives a rule,
 * built by hand. The same rules run through the API in {@link CarersOptionsReferralTest}.
 */
class CarersOptionsRulesTest {

    static final LocalDate REFERRED = LocalDate.of(2026, 3, 12);
    static final Map<String, Object> SETTINGS = Map.of("carerMinimumAge", 18,
            "caredForAgeBand", Map.of("min", 18, "max", 64),
            "area", Map.of("name", "Kirklees", "postcodeDistricts", List.of("HD1", "HD2", "WF13")),
            "basicServiceHoursPerWeek", 4);

    @Test
    void carerUnder18IsNotEligible() {
        RuleVerdict v = CarerEligibility.carerAge(referral().carerBorn("2008-03-13").build());
        assertEquals(RuleVerdict.Outcome.FAIL, v.outcome());
        assertEquals("The carer is 17; the service is for carers aged 18 and over (002 §1.6).", v.reason());
        assertEquals(RuleVerdict.Outcome.PASS, CarerEligibility.carerAge(referral().carerBorn("2008-03-12").build())
                .outcome(), "18 on the day of referral");
    }

    @Test
    void carerWithoutADateOfBirthIsFlaggedNotRefused() {
        assertEquals(RuleVerdict.Outcome.FLAG, CarerEligibility.carerAge(referral().carerBorn(null).build()).outcome());
    }

    @Test
    void caredForOutsideEighteenToSixtyFourOnTheReferralDateIsNotEligible() {
        assertEquals(RuleVerdict.Outcome.FAIL, CarerEligibility.caredForAge(referral().caredForBorn("1961-03-12")
                .build()).outcome(), "65 on the day of referral");
        assertEquals(RuleVerdict.Outcome.PASS, CarerEligibility.caredForAge(referral().caredForBorn("1961-03-13")
                .build()).outcome(), "64 until the next day");
        assertEquals(RuleVerdict.Outcome.FAIL, CarerEligibility.caredForAge(referral().caredForBorn("2008-03-13")
                .build()).outcome(), "17");
        assertEquals(RuleVerdict.Outcome.PASS, CarerEligibility.caredForAge(referral().caredForBorn("2008-03-12")
                .build()).outcome(), "18 on the day of referral");
    }

    @Test
    void theContractsSettingsMoveTheAgeBand() {
        ReferralFacts f = referral().caredForBorn("1956-01-01").settings(Map.of("caredForAgeBand",
                Map.of("min", 18, "max", 74))).build();
        assertEquals(RuleVerdict.Outcome.PASS, CarerEligibility.caredForAge(f).outcome());
    }

    @Test
    void aReferralWithNoCaredForPersonIsNotEligible() {
        RuleVerdict v = CarerEligibility.caredForAge(referral().noCaredFor().build());
        assertEquals(RuleVerdict.Outcome.FAIL, v.outcome());
        assertTrue(v.reason().contains("No person cared for is named"), v.reason());
    }

    @Test
    void eitherPersonOutsideTheAreaIsNotEligibleAndAMissingPostcodeIsFlagged() {
        RuleVerdict carerAway = CarerEligibility.residentInArea(referral().carerPostcode("LS6 2AB").build());
        assertEquals(RuleVerdict.Outcome.FAIL, carerAway.outcome());
        assertEquals("The carer (LS6 2AB) lives outside Kirklees; both the carer and the person cared for must live"
                + " within its boundaries (002 §1.6).", carerAway.reason());
        assertEquals(RuleVerdict.Outcome.FAIL, CarerEligibility.residentInArea(referral().caredForPostcode("BD1 1AA")
                .build()).outcome());
        assertEquals(RuleVerdict.Outcome.FLAG, CarerEligibility.residentInArea(referral().caredForPostcode(null)
                .build()).outcome());
        assertEquals(RuleVerdict.Outcome.PASS, CarerEligibility.residentInArea(referral().build()).outcome());
    }

    @Test
    void noSeriousMentalIllHealthOrAssessedNeedIsNotEligible() {
        assertEquals(RuleVerdict.Outcome.FAIL, CarerEligibility.mentalHealthNeed(referral()
                .data("caredForSeriousMentalIllHealth", false).build()).outcome());
        assertEquals(RuleVerdict.Outcome.FAIL, CarerEligibility.mentalHealthNeed(referral()
                .data("caredForAssessedMentalHealthNeed", false).build()).outcome());
        assertEquals(RuleVerdict.Outcome.PASS, CarerEligibility.mentalHealthNeed(referral().build()).outcome());
    }

    @Test
    void caredForNotFacsEligibleIsNotEligibleAndUnknownIsNoBar() {
        assertEquals(RuleVerdict.Outcome.FAIL, CarerEligibility.facsEligible(referral().data("facsEligible", false)
                .build()).outcome());
        assertEquals(RuleVerdict.Outcome.PASS, CarerEligibility.facsEligible(referral().build()).outcome());
    }

    @Test
    void notFamilyOrFriendOrNoSignificantCaringIsNotEligible() {
        assertEquals(RuleVerdict.Outcome.FAIL, CarerEligibility.familyOrFriend(referral()
                .data("relationshipToCaredFor", "OTHER").build()).outcome());
        assertEquals(RuleVerdict.Outcome.FAIL, CarerEligibility.familyOrFriend(referral()
                .data("significantCaring", false).build()).outcome());
        assertEquals(RuleVerdict.Outcome.PASS, CarerEligibility.familyOrFriend(referral()
                .data("relationshipToCaredFor", "FRIEND").build()).outcome());
    }

    @Test
    void selfReferralIsTakenForContactAndFlaggedForACla() {
        ReferralFacts self = referral().source("SELF").withoutData("caredForAssessedMentalHealthNeed").build();
        RuleVerdict v = CarerEligibility.selfReferral(self);
        assertEquals(RuleVerdict.Outcome.FLAG, v.outcome());
        assertTrue(v.reason().contains("Carers Led Assessment (CLA) (002 §4.9)"), v.reason());
        assertEquals(RuleVerdict.Outcome.FLAG, CarerEligibility.mentalHealthNeed(self).outcome(),
                "the need is established at first contact");
    }

    @Test
    void priorityIsHighWhenCaringMayBreakDownOrWorkIsAtStake() {
        assertEquals(Optional.empty(), CarerPriority.ALL.get(0).evaluate(referral().build()));
        assertEquals(Priority.HIGH, CarerPriority.ALL.get(0).evaluate(referral()
                .data("caringAtRiskOfBreakdown", true).build()).orElseThrow().priority());
        assertEquals(Priority.HIGH, CarerPriority.ALL.get(1).evaluate(referral()
                .data("supportsEmployment", true).build()).orElseThrow().priority());
    }

    @Test
    void enhancedServiceNeedsCompletedCla() {
        assertTrue(ServiceLevels.refusal(level("ENHANCED", 6, List.of())).isPresent());
        assertTrue(ServiceLevels.refusal(level("ENHANCED", 6, List.of(cla(false, true)))).isPresent(),
                "an incomplete CLA");
        assertTrue(ServiceLevels.refusal(level("ENHANCED", 6, List.of(cla(true, false)))).isPresent(),
                "a CLA that did not identify the need");
        assertEquals(Optional.empty(), ServiceLevels.refusal(level("ENHANCED", 6, List.of(cla(true, true)))));
    }

    @Test
    void basicServiceIsAtMostFourHoursAWeek() {
        assertEquals(Optional.empty(), ServiceLevels.refusal(level("BASIC", 4, List.of())));
        assertEquals(Optional.of("A basic service is at most 4 hours a week (002 §4.4); more than that is an"
                + " enhanced service."), ServiceLevels.refusal(level("BASIC", 4.5, List.of())));
        assertTrue(ServiceLevels.refusal(level("PREMIUM", 1, List.of())).isPresent());
    }

    @Test
    void anEnhancedServiceIsMoreThanFourHoursAndNoMoreThanTheClaIdentified() {
        // §4.5: "support of more than 4 hours per week"; 4 hours or fewer is the basic service
        assertEquals(Optional.of("An enhanced service is more than 4 hours a week (002 §4.5); 4 hours is a basic"
                + " service."), ServiceLevels.refusal(level("ENHANCED", 4, List.of(cla(true, true)))));
        assertTrue(ServiceLevels.refusal(level("ENHANCED", 2, List.of(cla(true, true)))).isPresent());
        assertEquals(Optional.empty(), ServiceLevels.refusal(level("ENHANCED", 4.5, List.of(cla(true, true)))));
        RecordOnFile sixHours = cla(true, true, 6);
        assertEquals(Optional.empty(), ServiceLevels.refusal(level("ENHANCED", 6, List.of(sixHours))));
        assertEquals(Optional.of("The Carers Led Assessment identified 6 hours a week (002 §4.5); an enhanced"
                + " service may not give more."), ServiceLevels.refusal(level("ENHANCED", 6.5, List.of(sixHours))));
        // the newest CLA that identified the need is the one that counts
        assertEquals(Optional.empty(), ServiceLevels.refusal(level("ENHANCED", 8,
                List.of(cla(true, true, 8), sixHours))));
    }

    @Test
    void aServiceLevelIsOnlyForACarerFoundEligible() {
        ReferralSnapshot eligible = new ReferralSnapshot("ACCEPTED", true, Priority.ROUTINE, "SELF", List.of(),
                JsonView.of(Map.of()));
        ReferralSnapshot failed = new ReferralSnapshot("RECEIVED", false, Priority.ROUTINE, "SELF", List.of(),
                JsonView.of(Map.of()));
        assertEquals(Optional.empty(), ServiceLevels.refusal(level("BASIC", 2, List.of(), eligible)));
        assertEquals(Optional.of("A service level is set only for a carer found eligible (002 §4.4): this referral's"
                + " eligibility check did not pass."), ServiceLevels.refusal(level("BASIC", 2, List.of(), failed)));
        assertEquals(Optional.of("The service level must be BASIC or ENHANCED (002 §4.4, §4.5)."),
                ServiceLevels.refusal(level("PREMIUM", 2, List.of(), failed)), "the level is checked first");
    }

    @Test
    void aBreakNamesWhoGaveIt() {
        assertEquals(Optional.of("A break must name the worker who gave it (workerId), staff or volunteer: a volunteer"
                + " needs up-to-date in-house training to support a break (002 §4.17)."),
                CarersOptionsActivities.refusal(Facts.action(GuardedActions.RECORD_ACTIVITY)
                        .data(Map.of("type", "BREAK", "data", Map.of("breakType", "AT_HOME"))).build()));
        assertEquals(Optional.empty(), CarersOptionsActivities.refusal(Facts.action(GuardedActions.RECORD_ACTIVITY)
                .data(Map.of("type", "BREAK", "workerId", "0195f1a2-0000-7000-8000-000000000001")).build()));
        assertEquals(Optional.empty(), CarersOptionsActivities.refusal(Facts.action(GuardedActions.RECORD_ACTIVITY)
                .data(Map.of("type", "PHONE")).build()), "other activities need not name a worker");
    }

    @Test
    void volunteersTrainingGatesBreaksAndCarersGroupsButNotSessionsForProfessionals() {
        assertEquals(java.util.Set.of("BREAK", "SUPPORT_GROUP", "FORUM", "CARER_TRAINING"),
                CarersOptionsDuties.VOLUNTEER_TRAINING.activityTypes());
        assertEquals(java.util.Set.of("VOLUNTEER"), CarersOptionsDuties.VOLUNTEER_TRAINING.workerKinds());
    }

    private static RecordOnFile cla(boolean complete, boolean enhanced) {
        return new RecordOnFile(CarersOptionsForms.CLA_OUTCOME, 1, null, java.time.LocalDate.parse("2026-03-20"),
                Instant.parse("2026-03-20T10:00:00Z"),
                JsonView.of(Map.of("complete", complete, "enhancedSupportIdentified", enhanced)));
    }

    private static RecordOnFile cla(boolean complete, boolean enhanced, int hours) {
        return new RecordOnFile(CarersOptionsForms.CLA_OUTCOME, 1, null, java.time.LocalDate.parse("2026-03-20"),
                Instant.parse("2026-03-20T10:00:00Z"), JsonView.of(Map.of("complete", complete,
                "enhancedSupportIdentified", enhanced, "hoursPerWeekIdentified", hours)));
    }

    private static ActionFacts level(String level, double hours, List<RecordOnFile> forms) {
        return level(level, hours, forms, null);
    }

    private static ActionFacts level(String level, double hours, List<RecordOnFile> forms, ReferralSnapshot referral) {
        return new ActionFacts() {
            @Override
            public Optional<ReferralSnapshot> referral() {
                return Optional.ofNullable(referral);
            }

            @Override
            public String action() {
                return GuardedActions.SET_SERVICE_LEVEL;
            }

            @Override
            public JsonView data() {
                return JsonView.of(Map.of("level", level, "hoursPerWeek", hours));
            }

            @Override
            public JsonView settings() {
                return JsonView.of(SETTINGS);
            }

            @Override
            public List<RecordOnFile> recordsOnFile(String typeCode) {
                return forms.stream().filter(f -> f.typeCode().equals(typeCode)).toList();
            }
        };
    }

    static Referral referral() {
        return new Referral();
    }

    /** A referral's facts, eligible by default: adults in Kirklees, a parent caring for a son with an assessed need. */
    static final class Referral {
        private String carerBorn = "1968-05-01";
        private String carerPostcode = "HD1 2AB";
        private String caredForBorn = "1995-09-09";
        private String caredForPostcode = "HD2 1AA";
        private boolean caredFor = true;
        private String source = "MENTAL_HEALTH_PROFESSIONAL";
        private final Map<String, Object> data = new HashMap<>(Map.of("relationshipToCaredFor", "PARENT",
                "caredForSeriousMentalIllHealth", true, "caredForAssessedMentalHealthNeed", true,
                "significantCaring", true));
        private final Map<String, Object> settings = new HashMap<>(SETTINGS);

        Referral carerBorn(String date) {
            carerBorn = date;
            return this;
        }

        Referral carerPostcode(String postcode) {
            carerPostcode = postcode;
            return this;
        }

        Referral caredForBorn(String date) {
            caredForBorn = date;
            return this;
        }

        Referral caredForPostcode(String postcode) {
            caredForPostcode = postcode;
            return this;
        }

        Referral noCaredFor() {
            caredFor = false;
            return this;
        }

        Referral source(String code) {
            source = code;
            return this;
        }

        Referral data(String field, Object value) {
            data.put(field, value);
            return this;
        }

        Referral withoutData(String field) {
            data.remove(field);
            return this;
        }

        Referral settings(Map<String, Object> overrides) {
            settings.putAll(overrides);
            return this;
        }

        ReferralFacts build() {
            PersonFacts carer = person(carerBorn, carerPostcode);
            List<RelatedPersonFacts> related = new ArrayList<>();
            if (caredFor) {
                related.add(related(person(caredForBorn, caredForPostcode)));
            }
            String src = source;
            JsonView d = JsonView.of(data);
            JsonView s = JsonView.of(settings);
            return new ReferralFacts() {
                @Override
                public LocalDate referralDate() {
                    return REFERRED;
                }

                @Override
                public String source() {
                    return src;
                }

                @Override
                public JsonView data() {
                    return d;
                }

                @Override
                public PersonFacts person() {
                    return carer;
                }

                @Override
                public List<RelatedPersonFacts> relatedPersons() {
                    return related;
                }

                @Override
                public JsonView settings() {
                    return s;
                }
            };
        }

        private static PersonFacts person(String born, String postcode) {
            return new PersonFacts() {
                @Override
                public Optional<LocalDate> dateOfBirth() {
                    return Optional.ofNullable(born).map(LocalDate::parse);
                }

                @Override
                public Optional<String> postcode() {
                    return Optional.ofNullable(postcode);
                }

                @Override
                public JsonView equality() {
                    return JsonView.empty();
                }
            };
        }

        private static RelatedPersonFacts related(PersonFacts p) {
            return new RelatedPersonFacts() {
                @Override
                public String relationship() {
                    return Relationships.CARER_OF;
                }

                @Override
                public Optional<LocalDate> dateOfBirth() {
                    return p.dateOfBirth();
                }

                @Override
                public Optional<String> postcode() {
                    return p.postcode();
                }

                @Override
                public JsonView equality() {
                    return p.equality();
                }
            };
        }
    }
}
