package org.carespec.module.carersoptions;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.carespec.plugin.api.demo.DemoCases;
import org.carespec.plugin.api.demo.DemoSession;

/**
 * Two quarters of the Carers Options service in the demo's Kirklees tenant: sixty carers referred from every
 * source (a few turned down: out of the area, outside the age band, or they chose not to go on), contacted and
 * met (a few late), assessed, with Well-being Plans, breaks, contacts, signposting, referrals for a Carers Led
 * Assessment, groups, a few reviews, people moving on or leaving, complaints and compliments. Everything is made
 * from a fixed seed, so every demo shows the same figures for the same day.
 */
final class KirkleesDemo implements DemoCases {

    private static final String[] GIVEN = {"Amina", "Brian", "Carol", "Deepak", "Elaine", "Farhan", "Gillian",
        "Harjit", "Irene", "Jamal", "Kath", "Liam", "Maureen", "Nadeem", "Olive", "Pauline", "Qasim", "Rita",
        "Shabana", "Trevor"};
    private static final String[] FAMILY = {"Ahmed", "Barker", "Crossley", "Dyson", "Haigh", "Hussain", "Kaur",
        "Lockwood", "Mellor", "Sykes", "Walker", "Brook"};
    private static final String[] IN_AREA = {"HD1 3QT", "HD2 2RD", "HD3 4NT", "HD4 6LJ", "HD5 9AX", "HD7 5JB",
        "HD8 8PL", "HD9 1ES", "WF12 7NF", "WF13 3HQ", "WF14 0AE", "WF15 6BH", "WF16 9DR", "WF17 5AA"};
    private static final String[] SOURCES = {"MENTAL_HEALTH_PROFESSIONAL", "MENTAL_HEALTH_PROFESSIONAL",
        "MENTAL_HEALTH_PROFESSIONAL", "OTHER_PROVIDER", "CARERS_ASSESSMENT_TEAM", "SELF", "SELF", "GP", "OTHER"};
    private static final String[] ETHNICITY = {"A", "A", "A", "A", "A", "H", "J", "M", "N", "C", "Z"};
    private static final String[] AGENCIES = {"CARERS_COUNT", "KIRKLEES_COLLEGE", "CITIZENS_ADVICE", "MIND",
        "KIRKLEES_LIBRARIES", "KIRKLEES_ACTIVE_LEISURE"};
    private static final String[] BREAK_TYPES = {"AT_HOME", "AWAY_FROM_HOME", "COMMUNITY_RESOURCES"};

    @Override
    public String tenant() {
        return "kirklees";
    }

    @Override
    public String contractTitle() {
        return "Mental Health Carers Options Service";
    }

    @Override
    public long annualValuePence() {
        return 14_044_772L; // £140,447.72 a year (002 §1.7)
    }

    @Override
    public void load(DemoSession s) {
        Random random = new Random(2);
        LocalDate quarterStart = quarterStart(s.today());
        LocalDate from = quarterStart.minusMonths(6);
        LocalDate to = quarterStart; // exclusive: the two complete quarters before today's
        if (from.isBefore(s.contractStart())) {
            from = s.contractStart();
        }
        int span = (int) ChronoUnit.DAYS.between(from, to) - 20;
        List<String> supported = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            LocalDate received = weekday(from.plusDays((long) i * span / 60));
            String source = SOURCES[i % SOURCES.length];
            boolean outOfArea = i % 20 == 7;
            boolean tooOld = i % 20 == 13;
            String carer = s.person(GIVEN[i % GIVEN.length], FAMILY[(i * 7) % FAMILY.length],
                    LocalDate.of(1950 + random.nextInt(45), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                    outOfArea ? "LS6 2AB" : IN_AREA[i % IN_AREA.length], equality(i, random));
            String caredFor = s.person(GIVEN[(i + 5) % GIVEN.length], FAMILY[(i * 7) % FAMILY.length],
                    tooOld ? received.minusYears(70) : received.minusYears(19 + random.nextInt(40)),
                    IN_AREA[(i + 3) % IN_AREA.length], Map.of());
            s.relate(carer, caredFor, "CARER_OF");
            boolean self = "SELF".equals(source);
            String referral = s.refer(carer, received.atTime(10, 0), source, self ? selfReferral(i) : referralForm(i),
                    List.of(caredFor));
            if (outOfArea || tooOld) {
                s.event(referral, "DECLINED", at(received.plusDays(2)),
                        Map.of("reason", outOfArea ? "OUTSIDE_AREA" : "CARED_FOR_OUTSIDE_AGE_BAND",
                                "note", "Written reason sent to the referrer, copied to the contract manager"));
                continue;
            }
            // §4.11: contact within 3 working days, a meeting within 10; one in nine is late.
            boolean late = i % 9 == 4;
            LocalDate contacted = workingDaysAfter(received, late ? 5 : 1 + i % 3);
            if (!contacted.isBefore(to)) {
                continue;
            }
            s.event(referral, "CONTACTED", at(contacted), Map.of());
            if (i % 20 == 17) {
                s.event(referral, "CLOSED", at(contacted.plusDays(1)), Map.of("outcome", Map.of("result",
                        "WITHDRAWN", "reason", "NOT_TAKEN_UP")));
                continue;
            }
            if (self) {
                s.activity(carer, referral, "CLA_REFERRAL", contacted, 20, null);
            }
            LocalDate met = workingDaysAfter(received, late ? 13 : 5 + i % 5);
            if (!met.isBefore(to.minusDays(3)) || i % 15 == 14) {
                continue; // still waiting for the initial meeting when the quarter ended
            }
            s.event(referral, "FIRST_VISIT", at(met), Map.of());
            s.record(CarersOptionsForms.ASSESSMENT, carer, referral, met, Map.of(
                    "hopesAndAspirations", "Time for myself, and to keep my job",
                    "risk", Map.of("level", i % 7 == 0 ? "MEDIUM" : "LOW"),
                    "servicesWanted", List.of("BREAKS", "SUPPORT_GROUP"), "complete", true));
            s.event(referral, "ASSESSED", at(met).plusHours(2), Map.of());
            s.event(referral, "ACCEPTED", at(met.plusDays(1)), Map.of());
            LocalDate agreed = met.plusDays(7);
            if (!agreed.isBefore(to)) {
                continue;
            }
            String plan = s.plan(referral, agreed, List.of("A regular break", "Meet other carers"));
            supported.add(carer);
            for (LocalDate day = agreed.plusDays(3 + i % 4); day.isBefore(to); day = day.plusDays(14 + i % 9)) {
                if (i % 3 == 0) {
                    s.activity(carer, referral, "PHONE", day, 20, null);
                } else { // §3.3, §4.17: a break names its type and who gave it
                    s.activity(carer, referral, "BREAK", day, 120 + 60 * (i % 3), null, s.staffWorker(),
                            Map.of("breakType", BREAK_TYPES[day.getDayOfYear() % BREAK_TYPES.length]));
                }
            }
            if (i % 4 == 1) {
                s.activity(carer, referral, "SIGNPOSTING", agreed.plusDays(2), 15, AGENCIES[i % AGENCIES.length]);
            }
            if (agreed.plusMonths(3).isBefore(to)) {
                s.review(plan, agreed.plusMonths(3), i % 5 == 0 ? "ACHIEVED" : "SOME_PROGRESS");
            }
            LocalDate end = agreed.plusDays(100); // after the three-month review, when there was one
            if (i % 6 == 2 && end.isBefore(to)) {
                s.event(referral, "CLOSED", at(end), Map.of("outcome", Map.of("result", "MOVED_ON",
                        "destination", List.of("EMPLOYMENT", "VOLUNTEERING", "LEARNING_TRAINING").get(i / 6 % 3))));
            } else if (i % 11 == 5 && end.isBefore(to)) {
                s.event(referral, "CLOSED", at(end), Map.of("outcome", Map.of("result", "LEFT_BEFORE_GOALS_MET",
                        "reason", i % 2 == 0 ? "MOVED_AWAY" : "NO_LONGER_CARING")));
            }
        }
        groups(s, from, to, supported);
        for (int k = 0; k < 9; k++) {
            LocalDate on = weekday(from.plusDays(15 + k * 19L));
            if (on.isBefore(to)) {
                s.feedback(k % 4 == 0 ? "COMPLAINT" : "COMPLIMENT", on, k % 4 == 0
                        ? "A break was cancelled at short notice" : "The support group has been a lifeline");
            }
        }
    }

    private static void groups(DemoSession s, LocalDate from, LocalDate to, List<String> supported) {
        String[][] kinds = {{"SUPPORT_GROUP", "Huddersfield carers' support group", "Huddersfield Library"},
            {"FORUM", "Carers' forum (evening)", "Dewsbury Town Hall"},
            {"CARER_TRAINING", "Understanding psychosis, for carers", "Batley Community Centre"}};
        int n = 0;
        for (LocalDate day = weekday(from.plusDays(10)); day.isBefore(to); day = weekday(day.plusDays(21))) {
            String[] kind = kinds[n % kinds.length];
            List<String> attendees = new ArrayList<>();
            for (int j = 0; j < supported.size() && attendees.size() < 4 + n % 5; j += 1 + n % 3) {
                attendees.add(supported.get((j + n) % supported.size()));
            }
            s.group(kind[0], kind[1], day, kind[2], attendees);
            n++;
        }
    }

    private static Map<String, Object> referralForm(int i) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("referrer", Map.of("name", "Care co-ordinator " + (1 + i % 6),
                "organisation", i % 2 == 0 ? "Huddersfield CMHT" : "Dewsbury CMHT"));
        data.put("relationshipToCaredFor", i % 5 == 0 ? "SPOUSE_OR_PARTNER" : i % 5 == 3 ? "FRIEND" : "PARENT");
        data.put("caredForSeriousMentalIllHealth", true);
        data.put("caredForAssessedMentalHealthNeed", true);
        data.put("significantCaring", true);
        data.put("caringAtRiskOfBreakdown", i % 8 == 3);
        data.put("supportsEmployment", i % 10 == 6);
        return data;
    }

    private static Map<String, Object> selfReferral(int i) {
        return Map.of("relationshipToCaredFor", i % 2 == 0 ? "PARENT" : "SIBLING", "hoursCaringPerWeek", 20 + i % 30,
                "caredForAssessedMentalHealthNeed", true, "howHeard", "GP surgery leaflet");
    }

    private static Map<String, Object> equality(int i, Random random) {
        return Map.of("sex", i % 3 == 0 ? "MALE" : "FEMALE", "ethnicity", ETHNICITY[random.nextInt(ETHNICITY.length)],
                "armedForces", i % 17 == 3 ? "VETERAN" : "NONE");
    }

    /** The first day of the (calendar, hence financial) quarter holding {@code day}. */
    static LocalDate quarterStart(LocalDate day) {
        return LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
    }

    private static LocalDateTime at(LocalDate day) {
        return day.atTime(LocalTime.of(11, 0));
    }

    private static LocalDate weekday(LocalDate day) {
        LocalDate d = day;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** Weekdays after {@code day} (bank holidays aside: the clocks, not the demo, count those). */
    private static LocalDate workingDaysAfter(LocalDate day, int n) {
        LocalDate d = day;
        for (int k = 0; k < n; k++) {
            d = weekday(d.plusDays(1));
        }
        return d;
    }
}
