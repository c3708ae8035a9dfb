package org.carespec.plugin.api.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * What a module's {@link DemoCases} may do: the same requests a practitioner makes, by the same rules. Each call
 * fails with an {@link IllegalStateException} naming the request when the platform refuses it. JSON bodies are
 * plain maps and lists.
 */
public interface DemoSession {

    /** The day the demo is loaded, in Europe/London. */
    LocalDate today();

    /** The start date of the contract the platform made for the module. */
    LocalDate contractStart();

    /** A person; {@code equality} as {@code POST /api/v1/persons} takes it. Returns the id. */
    String person(String givenName, String familyName, LocalDate dateOfBirth, String postcode,
                  Map<String, Object> equality);

    /** A relationship from {@code person} to {@code related}, e.g. {@code CARER_OF}. */
    void relate(String person, String related, String kind);

    /** A referral under the contract; returns its id. */
    String refer(String person, LocalDateTime receivedAt, String source, Map<String, Object> data,
                 List<String> relatedPersons);

    /** A lifecycle event; {@code extra} holds {@code reason}, {@code note} or {@code outcome} where needed. */
    void event(String referral, String type, LocalDateTime occurredAt, Map<String, Object> extra);

    /** An activity or contact; {@code agency} for signposting and referrals out, else null. */
    void activity(String person, String referral, String type, LocalDate on, int minutes, String agency);

    /** A group session with its named attendance. */
    void group(String type, String title, LocalDate heldOn, String place, List<String> attendees);

    /** A record of the module's type; {@code person} and {@code referral} may be null as its subject allows. */
    String record(String typeCode, String person, String referral, LocalDate recordedOn, Map<String, Object> data);

    /** A plan for a referral, with goal titles; returns its id. */
    String plan(String referral, LocalDate agreedOn, List<String> goals);

    /** A review of every goal of a plan with one progress code ({@code SOME_PROGRESS}, {@code ACHIEVED}…). */
    void review(String plan, LocalDate reviewedOn, String progress);

    /** A complaint, compliment or testimony. */
    void feedback(String kind, LocalDate receivedOn, String summary);
}
