package org.carespec.platform.database;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.UUID;

/**
 * New identifiers: UUID version 7 (java-uuid-generator), time-ordered so that new rows land at the end of
 * their indexes, and unguessable enough that an id reveals nothing.
 */
public final class Ids {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private Ids() {
    }

    public static UUID newId() {
        return GENERATOR.generate();
    }
}
