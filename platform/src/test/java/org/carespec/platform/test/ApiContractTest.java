package org.carespec.platform.test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The check every test's exchanges go through fails on the drifts it exists to catch, and passes the truth. */
class ApiContractTest {

    static String document;

    static final String ORGANISATION = """
            {"id": "01a22f8f-054e-77c4-a95f-84621eb6d968", "name": "Carers Count", "kind": "PROVIDER",
             "createdAt": "2026-11-30T10:00:00Z"%s}""";

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = ApiContractTest.class.getResourceAsStream("/META-INF/swagger/carespec-1.yml")) {
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static ApiContract.Exchange read(int status, String type, String body) {
        return new ApiContract.Exchange("GET", "/api/v1/organisations/01a22f8f-054e-77c4-a95f-84621eb6d968",
                Map.of("Authorization", "Bearer x"), null, status, type, body);
    }

    @Test
    void anAnswerAsDocumentedPasses() {
        assertDoesNotThrow(() -> ApiContract.check(document, read(200, "application/json",
                ORGANISATION.formatted(""))));
        assertDoesNotThrow(() -> ApiContract.check(document, read(200, "application/json",
                ORGANISATION.formatted(", \"odsCode\": \"RXX\""))), "an optional field, present");
    }

    @Test
    void aFieldTheDocumentDoesNotHaveFails() {
        AssertionError e = assertThrows(AssertionError.class, () -> ApiContract.check(document,
                read(200, "application/json", ORGANISATION.formatted(", \"secret\": 1"))));
        assertTrue(e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void aRequiredFieldLeftOutOrOfTheWrongTypeFails() {
        assertThrows(AssertionError.class, () -> ApiContract.check(document, read(200, "application/json",
                ORGANISATION.formatted("").replace("\"name\": \"Carers Count\",", ""))));
        assertThrows(AssertionError.class, () -> ApiContract.check(document, read(200, "application/json",
                ORGANISATION.formatted("").replace("\"PROVIDER\"", "\"CHARITY\""))), "a value outside the enum");
    }

    @Test
    void anUndocumentedStatusOrANonProblemErrorFails() {
        assertThrows(AssertionError.class, () -> ApiContract.check(document, read(409, "application/problem+json",
                "{\"title\": \"Conflict\", \"status\": 409, \"type\": \"about:blank\"}")));
        assertThrows(AssertionError.class, () -> ApiContract.check(document, read(500, "text/html",
                "<h1>Oops</h1>")));
    }
}
