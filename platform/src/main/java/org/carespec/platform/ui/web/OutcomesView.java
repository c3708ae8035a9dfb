package org.carespec.platform.ui.web;

import java.util.List;

/** A person's readings of each of the module's outcome measures, and the distance travelled on each scale. */
public record OutcomesView(String referralId, String personName, List<Measure> measures) {

    /** One instrument: its scales, each reading, and how far each scale moved from the first reading to the last. */
    public record Measure(String code, String title, List<String> scales, List<ReadingRow> readings,
                          List<Distance> distances) {
    }

    /** A reading: when, and the score on each scale in the order of {@code scales}. */
    public record ReadingRow(String takenOn, List<String> scores) {
    }

    /**
     * A scale's distance travelled, with the bar's geometry for the chart: {@code offset} and {@code width} are
     * percentages of the chart's width, from its middle (no change) to the right for better, to the left for worse.
     */
    public record Distance(String scale, int change, double offset, double width) {
    }
}
