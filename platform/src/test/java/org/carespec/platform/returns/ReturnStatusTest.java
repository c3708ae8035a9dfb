package org.carespec.platform.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;
import org.carespec.platform.returns.domain.ReturnStatus;
import org.junit.jupiter.api.Test;

/** A submitted or approved version stands for its period; a draft or one sent back does not. */
class ReturnStatusTest {

    @Test
    void onlySubmittedAndApprovedVersionsStand() {
        Set<ReturnStatus> standing = EnumSet.noneOf(ReturnStatus.class);
        for (ReturnStatus status : ReturnStatus.values()) {
            if (status.stands()) {
                standing.add(status);
            }
        }
        assertEquals(EnumSet.of(ReturnStatus.SUBMITTED, ReturnStatus.APPROVED), standing);
    }
}
