package org.carespec.plugin.api.form;

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
 */
public record ReferralForm(String code, int version, String title, JsonSchema schema, SpecReference source,
                           Set<String> referralSources, Set<String> sensitiveFields) {

    public ReferralForm {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(schema, "schema");
        referralSources = referralSources == null ? Set.of() : Set.copyOf(referralSources);
        sensitiveFields = sensitiveFields == null ? Set.of() : Set.copyOf(sensitiveFields);
    }

    public static ReferralForm of(String code, int version, String title, JsonSchema schema, SpecReference source) {
        return new ReferralForm(code, version, title, schema, source, Set.of(), Set.of());
    }

    public ReferralForm forReferralSources(String... sources) {
        return new ReferralForm(code, version, title, schema, source, Set.of(sources), sensitiveFields);
    }

    public ReferralForm withSensitiveFields(String... fields) {
        return new ReferralForm(code, version, title, schema, source, referralSources, Set.of(fields));
    }
}
