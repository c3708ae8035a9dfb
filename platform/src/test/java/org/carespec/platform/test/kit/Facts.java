package org.carespec.platform.test.kit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carespec.plugin.api.JsonView;
import org.carespec.plugin.api.rules.ActionFacts;
import org.carespec.plugin.api.rules.PersonFacts;
import org.carespec.plugin.api.rules.RecordOnFile;
import org.carespec.plugin.api.rules.ReferralFacts;
import org.carespec.plugin.api.rules.ReferralSnapshot;
import org.carespec.plugin.api.rules.RelatedPersonFacts;

/**
 * The plugin test kit's facts: what a module's eligibility, priority and action rules are given, built in a line for
 * a unit test, without the platform or a database.
 *
 * <pre>{@code
 * ReferralFacts facts = Facts.referral("2026-05-04").source("GP").data(Map.of("crisis", true))
 *         .person(Facts.person().born("1968-05-01").postcode("HD1 2AB"))
 *         .related("CARER_OF", Facts.person().born("1995-09-09")).build();
 * assertEquals(RuleVerdict.pass(), MyRules.ADULT.evaluate(facts));
 * }</pre>
 */
public final class Facts {

    private Facts() {
    }

    public static Person person() {
        return new Person();
    }

    public static Referral referral(String receivedOn) {
        return new Referral(LocalDate.parse(receivedOn));
    }

    public static Action action(String action) {
        return new Action(action);
    }

    /** A person as a rule sees them: no names, only what the rules may read. */
    public static final class Person {
        private LocalDate born;
        private String postcode;
        private String gpPractice;
        private String localAuthority;
        private Map<String, Object> equality = Map.of();

        public Person born(String date) {
            born = LocalDate.parse(date);
            return this;
        }

        public Person postcode(String value) {
            postcode = value;
            return this;
        }

        public Person gpPractice(String value) {
            gpPractice = value;
            return this;
        }

        /** The council the person lives in, confirmed, as its ONS code ({@code E08000034}). */
        public Person localAuthority(String code) {
            localAuthority = code;
            return this;
        }

        public Person equality(Map<String, Object> answers) {
            equality = answers;
            return this;
        }

        PersonFacts facts() {
            return related(null);
        }

        RelatedPersonFacts related(String relationship) {
            Optional<LocalDate> dateOfBirth = Optional.ofNullable(born);
            Optional<String> code = Optional.ofNullable(postcode);
            Optional<String> gp = Optional.ofNullable(gpPractice);
            Optional<String> council = Optional.ofNullable(localAuthority);
            JsonView answers = JsonView.of(equality);
            return new RelatedPersonFacts() {
                @Override
                public String relationship() {
                    return relationship;
                }

                @Override
                public Optional<LocalDate> dateOfBirth() {
                    return dateOfBirth;
                }

                @Override
                public Optional<String> postcode() {
                    return code;
                }

                @Override
                public Optional<String> gpPractice() {
                    return gp;
                }

                @Override
                public Optional<String> localAuthority() {
                    return council;
                }

                @Override
                public JsonView equality() {
                    return answers;
                }
            };
        }
    }

    /** A new (or amended) referral: its date, source, form data, people, contract settings and specification part. */
    public static final class Referral {
        private final LocalDate on;
        private String source = "GP";
        private Map<String, Object> data = Map.of();
        private Map<String, Object> settings = Map.of();
        private String part;
        private Person person = new Person();
        private final List<RelatedPersonFacts> related = new ArrayList<>();

        private Referral(LocalDate on) {
            this.on = on;
        }

        public Referral source(String code) {
            source = code;
            return this;
        }

        public Referral data(Map<String, Object> form) {
            data = new LinkedHashMap<>(form);
            return this;
        }

        /** The contract's settings as the platform gives them: pass the module's defaults filled in. */
        public Referral settings(Map<String, Object> contractSettings) {
            settings = contractSettings;
            return this;
        }

        public Referral part(String specificationPart) {
            part = specificationPart;
            return this;
        }

        public Referral person(Person subject) {
            person = subject;
            return this;
        }

        public Referral related(String relationship, Person other) {
            related.add(other.related(relationship));
            return this;
        }

        public ReferralFacts build() {
            PersonFacts subject = person.facts();
            JsonView form = JsonView.of(data);
            JsonView terms = JsonView.of(settings);
            List<RelatedPersonFacts> others = List.copyOf(related);
            String source = this.source;
            String part = this.part;
            return new ReferralFacts() {
                @Override
                public LocalDate referralDate() {
                    return on;
                }

                @Override
                public String source() {
                    return source;
                }

                @Override
                public JsonView data() {
                    return form;
                }

                @Override
                public PersonFacts person() {
                    return subject;
                }

                @Override
                public List<RelatedPersonFacts> relatedPersons() {
                    return others;
                }

                @Override
                public JsonView settings() {
                    return terms;
                }

                @Override
                public String specificationPart() {
                    return part;
                }
            };
        }
    }

    /** An action a rule guards: its data, the contract's settings, the records on file and the referral. */
    public static final class Action {
        private final String action;
        private Map<String, Object> data = Map.of();
        private Map<String, Object> settings = Map.of();
        private final List<RecordOnFile> records = new ArrayList<>();
        private ReferralSnapshot referral;

        private Action(String action) {
            this.action = action;
        }

        public Action data(Map<String, Object> value) {
            data = value;
            return this;
        }

        public Action settings(Map<String, Object> value) {
            settings = value;
            return this;
        }

        /** A record of the module on file for the person, the newest first as the platform gives them. */
        public Action recordOnFile(String type, String recordedOn, Map<String, Object> recordData) {
            records.add(new RecordOnFile(type, 1, null, LocalDate.parse(recordedOn),
                    LocalDate.parse(recordedOn).atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                    JsonView.of(recordData)));
            return this;
        }

        public Action referral(ReferralSnapshot snapshot) {
            referral = snapshot;
            return this;
        }

        public ActionFacts build() {
            JsonView given = JsonView.of(data);
            JsonView terms = JsonView.of(settings);
            List<RecordOnFile> onFile = List.copyOf(records);
            ReferralSnapshot snapshot = referral;
            return new ActionFacts() {
                @Override
                public String action() {
                    return action;
                }

                @Override
                public JsonView data() {
                    return given;
                }

                @Override
                public JsonView settings() {
                    return terms;
                }

                @Override
                public List<RecordOnFile> recordsOnFile(String typeCode) {
                    return onFile.stream().filter(r -> r.typeCode().equals(typeCode)).toList();
                }

                @Override
                public Optional<ReferralSnapshot> referral() {
                    return Optional.ofNullable(snapshot);
                }
            };
        }
    }
}
