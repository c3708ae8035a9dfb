package org.carespec.platform.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.carespec.platform.json.Json;
import org.carespec.platform.returns.domain.ReturnCell;
import org.carespec.platform.returns.domain.ReturnLine;
import org.carespec.platform.returns.domain.ReturnSnapshot;
import org.junit.jupiter.api.Test;

/** A submitted version is read back from what it stored, whatever the API's view of a return looks like now. */
class ReturnSnapshotTest {

    /** A snapshot exactly as the release before the domain records wrote it (the API's view was stored then). */
    static final String WRITTEN_BY_THE_PREVIOUS_RELEASE = """
            {"contractId": "01a22ec5-6901-75a0-8e11-a8aa80de298f", "moduleId": "carers-options",
             "moduleVersion": "0.2.0", "period": "2026-27-Q1", "computedAt": "2026-07-10T09:00:00Z",
             "lines": [{"code": "CO12", "title": "Number of referrals, and where from", "source": "002 §5.4",
                        "unit": "COUNT", "value": 4, "numerator": null, "denominator": null,
                        "breakdown": [{"dimension": "source", "category": "SELF", "value": 1, "numerator": null,
                                       "denominator": null, "suppressed": null}],
                        "computedValue": 3, "adjustmentJustification": "One taken by phone", "previousValue": null}],
             "narratives": [{"code": "CO15", "title": "Unmet needs", "source": "002 §5.4",
                             "guidance": "Needs the service could not meet", "text": "Respite at weekends"}]}""";

    @Test
    void aSnapshotWrittenBeforeTheDomainRecordsReadsBackWhole() {
        ReturnSnapshot snapshot = Json.convert(Json.toMap(WRITTEN_BY_THE_PREVIOUS_RELEASE), ReturnSnapshot.class);
        assertEquals("2026-27-Q1", snapshot.period());
        ReturnLine line = snapshot.lines().get(0);
        assertEquals("CO12", line.code());
        assertEquals(0, new BigDecimal(4).compareTo(line.value()));
        assertEquals(0, new BigDecimal(3).compareTo(line.computedValue()));
        assertEquals("One taken by phone", line.adjustmentJustification());
        ReturnCell cell = line.breakdown().get(0);
        assertEquals("SELF", cell.category());
        assertEquals(0, BigDecimal.ONE.compareTo(cell.value()));
        assertNull(cell.suppressed());
        assertEquals("Respite at weekends", snapshot.narratives().get(0).text());
    }

    @Test
    void aSnapshotWrittenNowHasTheSameFieldNamesAsBefore() {
        ReturnSnapshot snapshot = Json.convert(Json.toMap(WRITTEN_BY_THE_PREVIOUS_RELEASE), ReturnSnapshot.class);
        String written = Json.write(snapshot);
        for (String field : new String[] {"\"contractId\"", "\"moduleVersion\"", "\"computedAt\"", "\"lines\"",
            "\"breakdown\"", "\"dimension\"", "\"category\"", "\"computedValue\"", "\"adjustmentJustification\"",
            "\"narratives\"", "\"guidance\""}) {
            assertEquals(true, written.contains(field), field + " in " + written);
        }
        assertEquals(snapshot, Json.convert(Json.toMap(written), ReturnSnapshot.class));
    }
}
