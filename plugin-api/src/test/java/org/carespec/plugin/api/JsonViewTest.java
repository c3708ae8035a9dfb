package org.carespec.plugin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonViewTest {

    private final JsonView view = JsonView.of(Map.of(
            "caredFor", Map.of("seriousMentalIllness", true, "age", 41),
            "reasons", List.of("breakdown", "employment"),
            "a/b", "escaped",
            "goals", List.of(Map.of("title", "Swim"), Map.of("title", "Work"))));

    @Test
    void readsNestedValuesByJsonPointer() {
        assertTrue(view.isTrue("/caredFor/seriousMentalIllness"));
        assertEquals(Optional.of(41), view.integer("/caredFor/age"));
        assertEquals(Optional.of(new BigDecimal("41")), view.number("/caredFor/age"));
        assertEquals(List.of("breakdown", "employment"), view.strings("/reasons"));
        assertEquals(Optional.of("employment"), view.string("/reasons/1"));
        assertEquals(Optional.of("escaped"), view.string("/a~1b"));
        assertEquals("Work", view.objects("/goals").get(1).string("/title").orElseThrow());
    }

    @Test
    void missingOrMistypedValuesAreEmptyNotErrors() {
        assertFalse(view.has("/caredFor/postcode"));
        assertEquals(Optional.empty(), view.string("/caredFor/age"));
        assertFalse(view.isTrue("/nothing/here"));
        assertEquals(List.of(), view.strings("/caredFor"));
        assertFalse(view.object("/reasons").has("/x"));
    }

    @Test
    void pointersMustStartWithASlash() {
        assertThrows(IllegalArgumentException.class, () -> view.string("caredFor"));
    }

    @Test
    void anIndexPastTheEndOfAListFindsNothingAndTheWholeDocumentIsTheEmptyPointer() {
        assertEquals(Optional.empty(), view.string("/reasons/2"));
        assertEquals(Optional.of("breakdown"), view.string("/reasons/0"));
        assertTrue(view.has(""));
        assertEquals(Optional.of(new BigDecimal("2.5")), JsonView.of(Map.of("hours", 2.5)).number("/hours"));
        assertEquals(Optional.of("Swim"), view.object("/goals/0").string("/title"));
        assertFalse(JsonView.of(null).has("/anything"));
        assertFalse(JsonView.empty().has("/anything"));
    }
}
