package org.carespec.platform.plantedclock;

import java.time.LocalDate;

/** A planted violation: reads today's date from the computer's clock. Used by ArchitectureTest only. */
public class PlantedSystemClockReader {

    public LocalDate today() {
        return LocalDate.now();
    }
}
