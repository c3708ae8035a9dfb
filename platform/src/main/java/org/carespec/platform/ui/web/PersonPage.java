package org.carespec.platform.ui.web;

import java.util.List;

/** A person as their page shows them: details, equality monitoring, relationships, and a timeline of their case. */
public record PersonPage(String id, String name, List<Row> details, List<Row> equality, List<Link> relationships,
                         List<TimelineItem> timeline) {

    /** A labelled value. */
    public record Row(String key, String value) {
    }

    /** A person or referral the page links to. */
    public record Link(String text, String href) {
    }

    /** Something that happened, newest first: a referral, an activity, a reading. */
    public record TimelineItem(String when, String what, String detail, String href) {
    }
}
