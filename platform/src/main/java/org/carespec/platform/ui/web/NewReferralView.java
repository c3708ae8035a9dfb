package org.carespec.platform.ui.web;

import java.util.List;

/**
 * The new-referral pages. First the contract and the person (found by name); then the referral itself: its source,
 * the day it came, the people it concerns, and the module's form for that source, rendered from its JSON Schema.
 */
public record NewReferralView(List<SchemaForm.Option> contracts, String contract, String query,
                              List<SchemaForm.Option> people, String person, String personName,
                              List<SchemaForm.Option> sources, String source, List<SchemaForm.Option> related,
                              List<String> relatedChosen, SchemaForm.Field received, List<SchemaForm.Field> fields,
                              String formTitle, List<FieldMessage> errors) {

    public boolean relatedChosen(String id) {
        return relatedChosen.contains(id);
    }
}
