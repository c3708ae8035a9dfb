package org.carespec.plugin.api.form;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.carespec.plugin.api.JsonSchema;
import org.carespec.plugin.api.SpecReference;

/**
 * The form a referral carries: its {@code data} is validated against the newest version for the referral's source
 * when the referral is made (or amended), and eligibility and priority rules read it. Everything else a module
 * records after the referral is a {@link org.carespec.plugin.api.record.RecordType}.
 *
 * @param code            unique within the plugin, lower-case kebab ({@code self-referral})
 * @param version         1, 2, …
 * @param title           what a practitioner calls it
 * @param schema          the JSON Schema the data must satisfy ({@code x-code-list} fields as for records)
 * @param source          where the specification asks for it
 * @param referralSources the referral sources it is used for; empty means every source without a more specific form
 * @param sensitiveFields top-level properties that are encrypted at rest
 * @param letterRecipients JSON Pointers to objects of the form naming who a letter about the referral goes to (002
 *                         §4.13: the Care Co-ordinator, else the referrer), each with a {@code name} and optionally
 *                         {@code role}, {@code team}, {@code organisation} and {@code address}; the first one filled
 *                         in receives the letter, and the referred person does when none is
 */
public record ReferralForm(String code, int version, String title, JsonSchema schema, SpecReference source,
                           Set<String> referralSources, Set<String> sensitiveFields, List<String> letterRecipients) {

    public ReferralForm {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(schema, "schema");
        referralSources = referralSources == null ? Set.of() : Set.copyOf(referralSources);
        sensitiveFields = sensitiveFields == null ? Set.of() : Set.copyOf(sensitiveFields);
        letterRecipients = letterRecipients == null ? List.of() : List.copyOf(letterRecipients);
    }

    public ReferralForm(String code, int version, String title, JsonSchema schema, SpecReference source,
                        Set<String> referralSources, Set<String> sensitiveFields) {
        this(code, version, title, schema, source, referralSources, sensitiveFields, List.of());
    }

    public static ReferralForm of(String code, int version, String title, JsonSchema schema, SpecReference source) {
        return new ReferralForm(code, version, title, schema, source, Set.of(), Set.of());
    }

    public ReferralForm forReferralSources(String... sources) {
        return new ReferralForm(code, version, title, schema, source, Set.of(sources), sensitiveFields,
                letterRecipients);
    }

    /** The same form, whose letters go to the first of these people it names (since plugin-api 2.1). */
    public ReferralForm withLetterRecipients(String... pointers) {
        return new ReferralForm(code, version, title, schema, source, referralSources, sensitiveFields,
                List.of(pointers));
    }

    public ReferralForm withSensitiveFields(String... fields) {
        return new ReferralForm(code, version, title, schema, source, referralSources, Set.of(fields),
                letterRecipients);
    }
}
