package org.carespec.platform.plugin;

import org.carespec.platform.json.CompiledSchema;
import org.carespec.plugin.api.form.ReferralForm;

/** A plugin's referral form with its schema checked and compiled, and the fields that name code lists. */
public record InstalledForm(ReferralForm definition, CompiledSchema schema, CodeFields codeFields) {

    public String code() {
        return definition.code();
    }

    public int version() {
        return definition.version();
    }

    /** Splits submitted data into what is stored as JSON and the fields the module marks sensitive (encrypted). */
    public SensitiveSplit split(java.util.Map<String, Object> data) {
        return SensitiveSplit.of(data, definition.sensitiveFields());
    }
}
