package org.carespec.plugin.api;

import java.util.Objects;

/**
 * A part of a specification commissioned on its own, when one module implements several: 004's Part 1 (Dorset County
 * Council, children's care and support at home) and Part 2 (NHS Dorset CCG, complex care). A contract of the module
 * names the part it commissions; KPIs ({@code KpiDefinition.forParts}), clocks ({@code ClockCondition.partIn}) and
 * rules ({@code ReferralFacts.specificationPart()}) can apply to one part only.
 *
 * @param code         lower-case words joined by hyphens, unique within the module ({@code part-1})
 * @param title        what the commissioner calls it
 * @param commissioner who commissions this part
 * @param source       where the specification sets the part out
 */
public record SpecificationPart(String code, String title, String commissioner, SpecReference source) {

    public SpecificationPart {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
    }
}
