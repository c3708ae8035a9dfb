package org.carespec.platform.ui.web;

import java.util.List;

/**
 * The record pages, for any record type of any module: the types of a contract, one type's records, one record with
 * its data and the moves its lifecycle allows, and the form for a new one rendered from the type's schema.
 */
public record RecordsView(String contract, String contractTitle, List<SchemaForm.Option> contracts,
                          List<TypeLink> types, String type, String typeTitle, List<Row> records, Detail detail,
                          List<SchemaForm.Field> fields, List<FieldMessage> errors, String notice) {

    /** A record type the contract's module declares. */
    public record TypeLink(String code, String title, String subject, boolean lifecycle) {
    }

    /** A record as its type's list shows it. */
    public record Row(String id, String recordedOn, String person, String status) {
    }

    /** One record: its data as labelled values, its status and the statuses it may move to. */
    public record Detail(String id, String recordedOn, String person, String status, List<PersonPage.Row> data,
                         List<String> moves, int revision) {
    }
}
