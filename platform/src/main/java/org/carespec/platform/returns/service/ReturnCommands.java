package org.carespec.platform.returns.service;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** What the provider's manager writes into a return, and what the commissioner says when sending one back. */
public final class ReturnCommands {

    /** Text without control characters other than tab and line breaks (PostgreSQL refuses NUL; PDFs refuse the rest). */
    public static final String TEXT = "^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*$";
    public static final String NO_CONTROLS = "must not contain control characters";

    private ReturnCommands() {
    }

    /** A narrative line of the module (unmet needs, testimony…), written in full; it replaces what was there. */
    @Serdeable
    public record Narrative(@NotBlank @Pattern(regexp = "^[A-Za-z0-9_-]{1,32}$", message = "must be a line code")
                            String code,
                            @NotBlank @Size(max = 20000) @Pattern(regexp = TEXT, message = NO_CONTROLS) String text) {
    }

    /** A figure set by hand, with the reason written down; it replaces the computed figure in the return. */
    @Serdeable
    public record Adjustment(@NotBlank @Pattern(regexp = "^[A-Za-z0-9_-]{1,32}$", message = "must be a KPI code")
                             String code,
                             @NotNull @Digits(integer = 13, fraction = 6) BigDecimal value,
                             @NotBlank @Size(max = 4000) @Pattern(regexp = TEXT, message = NO_CONTROLS)
                             String justification) {
    }

    /** Why the commissioner is sending the return back. */
    @Serdeable
    public record SendBack(@NotBlank @Size(max = 4000) @Pattern(regexp = TEXT, message = NO_CONTROLS)
                           String comment) {
    }
}
