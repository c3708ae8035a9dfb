package org.carespec.platform.ui.web;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.carespec.platform.calendar.LondonTime;
import org.carespec.platform.casework.service.CaseworkAccess;
import org.carespec.platform.errors.FieldError;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.plugin.InstalledRecordType;
import org.carespec.platform.record.repository.RecordFilter;
import org.carespec.platform.record.service.RecordService;
import org.carespec.platform.record.service.RecordView;
import org.carespec.platform.referral.service.ReferralFilter;
import org.carespec.platform.referral.service.ReferralList;
import org.carespec.plugin.api.record.RecordLink;
import org.carespec.plugin.api.record.Subject;

/**
 * The fields of a record of any type, for making one and for changing one: whom it is about (when made), its day,
 * its links to other records of the contract, and its data from the type's JSON Schema; and the service's errors
 * put back in plain English beside them.
 */
@Singleton
public class RecordFormFields {

    /** The form's name for a link to another record ({@code links.meeting}), as the API names it. */
    static final String LINK = "links.";

    private final RecordService records;
    private final ReferralList referrals;
    private final ContractChoices choices;
    private final Clock clock;

    public RecordFormFields(RecordService records, ReferralList referrals, ContractChoices choices, Clock clock) {
        this.records = records;
        this.referrals = referrals;
        this.choices = choices;
        this.clock = clock;
    }

    /**
     * @param data     the data to show (as entered, or as stored)
     * @param entered  the other fields as entered or stored ({@code recordedOn-day}, {@code links.meeting}...)
     * @param askWhom  whether to ask whom the record is about (a record's subject is fixed once made)
     */
    List<SchemaForm.Field> fields(CaseworkAccess.CaseContract held, InstalledRecordType t, Map<String, ?> data,
                                  Map<String, String> entered, Map<String, String> byField, boolean askWhom) {
        List<SchemaForm.Field> fields = new ArrayList<>();
        Subject subject = t.definition().subject();
        if (askWhom && subject != Subject.NONE) {
            Map<String, String> people = new LinkedHashMap<>();
            referrals.list(ReferralFilter.all().contract(held.id()), PageRequest.of(0, 200))
                    .items().forEach(r -> people.putIfAbsent(r.personId().toString(), r.personName()));
            List<SchemaForm.Option> options = people.entrySet().stream()
                    .map(e -> new SchemaForm.Option(e.getKey(), e.getValue())).toList();
            String chosen = entered.get("personId");
            fields.add(new SchemaForm.Field("select", "personId", "Who the record is about",
                    "People referred under this contract", subject == Subject.PERSON, chosen, options,
                    chosen == null ? List.of() : List.of(chosen), byField.get("personId"), List.of(), Map.of(), null));
        }
        fields.add(DateInput.field("recordedOn", "The day of the record", "For example, 27 3 2026", true, entered,
                LondonTime.today(clock), byField.get("recordedOn")));
        for (RecordLink link : t.definition().links()) {
            List<SchemaForm.Option> options = records.list(held.id(), link.targetType(), new RecordFilter(null,
                    null, null, null, null, null, null), PageRequest.of(0, 100)).items().stream()
                    .map(r -> new SchemaForm.Option(r.id().toString(), summary(r))).toList();
            String chosen = entered.get(LINK + link.name());
            fields.add(new SchemaForm.Field("select", LINK + link.name(), linkTitle(held, t, link.name()),
                    options.isEmpty() ? "None recorded yet under this contract" : "The latest 100 of this contract",
                    link.required(), chosen, options, chosen == null ? List.of() : List.of(chosen),
                    byField.get(LINK + link.name()), List.of(), Map.of(), null));
        }
        fields.addAll(SchemaForm.fields(t.schema().document(), "data", data, byField,
                list -> choices.options(held.id(), list)));
        return fields;
    }

    /** The links chosen in a posted form, by link name. */
    static Map<String, UUID> links(InstalledRecordType t, Map<String, List<String>> form) {
        Map<String, UUID> links = new LinkedHashMap<>();
        for (RecordLink link : t.definition().links()) {
            UUID linked = PageParts.uuid(PageParts.first(form, LINK + link.name()));
            if (linked != null) {
                links.put(link.name(), linked);
            }
        }
        return links;
    }

    /** A service's error about a field of the form, in plain English. */
    static String message(CaseworkAccess.CaseContract held, InstalledRecordType t, FieldError error) {
        if (error.field().startsWith("data.")) {
            return SchemaForm.plain(t.schema().document(), "data", error.field(), error.detail());
        }
        if ("personId".equals(error.field())) {
            return "Select who the record is about";
        }
        if (error.field().startsWith(LINK)) {
            return "Select the " + linkTitle(held, t, error.field().substring(LINK.length())).toLowerCase(Locale.UK)
                    + " this record belongs to";
        }
        return SchemaForm.words(error.field()) + " " + error.detail();
    }

    /** Messages by field, for the error summary; a key in brackets ({@code (form)}) is about the whole form. */
    static List<FieldMessage> messages(Map<String, String> errors) {
        return errors.entrySet().stream().map(e -> new FieldMessage(e.getKey().startsWith("(") ? null : e.getKey(),
                e.getValue())).toList();
    }

    /** The record type a link points at, by its title ("Working group meeting"). */
    static String linkTitle(CaseworkAccess.CaseContract held, InstalledRecordType t, String name) {
        return t.definition().links().stream().filter(l -> l.name().equals(name)).findFirst()
                .flatMap(l -> held.module().latestRecordType(l.targetType()))
                .map(target -> target.definition().title()).orElse(SchemaForm.words(name));
    }

    /** A record as a choice in a list: its day and the first words it holds. */
    private static String summary(RecordView r) {
        String words = r.data().values().stream().filter(v -> v instanceof String).map(String::valueOf)
                .findFirst().orElse("");
        return UiText.date(r.recordedOn()) + (words.isEmpty() ? ""
                : ": " + (words.length() > 60 ? words.substring(0, 60) + "…" : words));
    }
}
