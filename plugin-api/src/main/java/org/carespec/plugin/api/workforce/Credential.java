package org.carespec.plugin.api.workforce;

import java.util.Objects;

/** Something a worker holds that can be required and can expire. */
public sealed interface Credential {

    /** A DBS check at least at this level, not past its recheck date. */
    record DbsCheck(DbsLevel level) implements Credential {
        public DbsCheck {
            Objects.requireNonNull(level, "level");
        }
    }

    /** A training course completed within the last {@code validForMonths} months. */
    record Training(String trainingCode, int validForMonths) implements Credential {
        public Training {
            Objects.requireNonNull(trainingCode, "trainingCode");
        }
    }

    /** Motor insurance in date (for workers who drive people). */
    record MotorInsurance() implements Credential {
    }

    /** A driving licence in date. */
    record DrivingLicence() implements Credential {
    }

    enum DbsLevel { BASIC, STANDARD, ENHANCED, ENHANCED_WITH_BARRED_LISTS }
}
