package org.carespec.plugin.api.form;

import java.util.Objects;
import java.util.Set;
import org.carespec.plugin.api.JsonSchema;
import org.carespec.plugin.api.SpecReference;

/**
 * A form a plugin contributes. A submission keeps the version it was made with, so a new version is a new
 * definition with the same code and a higher version; old versions stay registered while data uses them.
 *
 * @param code            unique within the plugin, lower-case kebab ({@code wellbeing-plan})
 * @param version         1, 2, …
 * @param title           what a practitioner calls it
 * @param purpose         what it records
 * @param schema          the JSON Schema submissions must satisfy
 * @param source          where the specification asks for it
 * @param referralSources for {@link FormPurpose#REFERRAL} forms: the referral sources it is used for; empty
 *                        means every source without a more specific form
 * @param sensitiveFields top-level properties that are encrypted at rest and hidden from volunteers
 */
public record FormDefinition(String code, int version, String title, FormPurpose purpose, JsonSchema schema,
                             SpecReference source, Set<String> referralSources, Set<String> sensitiveFields) {

    public FormDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(schema, "schema");
        referralSources = referralSources == null ? Set.of() : Set.copyOf(referralSources);
        sensitiveFields = sensitiveFields == null ? Set.of() : Set.copyOf(sensitiveFields);
    }

    public static FormDefinition of(String code, int version, String title, FormPurpose purpose,
                                    JsonSchema schema, SpecReference source) {
        return new FormDefinition(code, version, title, purpose, schema, source, Set.of(), Set.of());
    }

    public FormDefinition forReferralSources(String... sources) {
        return new FormDefinition(code, version, title, purpose, schema, source, Set.of(sources), sensitiveFields);
    }

    public FormDefinition withSensitiveFields(String... fields) {
        return new FormDefinition(code, version, title, purpose, schema, source, referralSources, Set.of(fields));
    }
}
