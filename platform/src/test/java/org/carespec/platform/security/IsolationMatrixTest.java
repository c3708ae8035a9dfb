package org.carespec.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carespec.platform.security.ApiOperations.Endpoint;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.ApiResponse;
import org.carespec.platform.test.CaseFile;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.RawDatabase;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's isolation matrix: every operation of the OpenAPI document, with the real ids of a tenant's case file
 * ({@link ApiOperations}), called by everyone who must get nothing of it: each role of another tenant, the manager,
 * practitioner and volunteer of another provider in the same tenant, the tenant's own volunteer where the route is
 * not theirs, and nobody at all. Each answer must be below 500, must refuse (401, 403 or 404 problem+json) whenever
 * the path names one of the tenant's records, and must carry none of the tenant's ids (bar those the caller sent)
 * and none of its case notes; and afterwards every row the tenant holds must be as it was. Then every write is sent
 * by the other tenant to its own records with this tenant's ids in the body: each must be refused and write
 * nothing on either side.
 *
 * <p>The rows are the role matrix's, one for every operation of the served document: a new route without a row
 * fails {@code RoleMatrixTest.everyOperationInTheOpenApiDocumentHasARowInTheMatrix} until it is described, and is then
 * in this matrix too.
 */
@MicronautTest(transactional = false)
class IsolationMatrixTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmbeddedServer server;

    ApiOperations a;
    ApiOperations b;
    String otherProviderVolunteer;

    /** Someone who must get nothing of tenant A's provider, and what of it they must never be shown. */
    record Outsider(String name, String token, Set<String> secrets) {
    }

    /** A row made concrete once: every outsider gets the same request (if one could change it, the digest shows). */
    record Request(Endpoint row, String path, Object body) {
        @Override
        public String toString() {
            return row.toString();
        }
    }

    @BeforeAll
    void twoTenants() {
        Api api = new Api(server);
        a = new ApiOperations(api);
        b = new ApiOperations(api);
        Map<String, Object> volunteer = new LinkedHashMap<>();
        volunteer.put("email", "volunteer2@" + a.t.slug + ".test");
        volunteer.put("displayName", "Second volunteer");
        volunteer.put("password", PASSWORD);
        volunteer.put("organisationId", a.t.otherProvider);
        volunteer.put("roles", List.of("VOLUNTEER"));
        api.post("/api/v1/users", a.t.token(Role.TENANT_ADMIN), volunteer).expect(201);
        otherProviderVolunteer = api.login("volunteer2@" + a.t.slug + ".test", PASSWORD, a.t.slug);
    }

    @Test
    void anotherTenantGetsNothingAndChangesNothing() throws Exception {
        List<Request> requests = concrete(a);
        Set<String> theirs = tenantIds(requests);
        theirs.add(a.t.slug);
        List<Outsider> outsiders = new ArrayList<>();
        for (Role role : List.of(Role.TENANT_ADMIN, Role.COMMISSIONER, Role.PROVIDER_MANAGER, Role.PRACTITIONER,
                Role.VOLUNTEER)) {
            outsiders.add(new Outsider("another tenant's " + role, b.t.token(role), theirs));
        }
        outsiders.add(new Outsider("nobody", null, theirs));
        Map<String, String> before = RawDatabase.fingerprint(a.t.id);
        List<String> wrong = sweep(outsiders, requests, true);
        assertEquals(List.of(), wrong);
        assertEquals(List.of(), changed(before, RawDatabase.fingerprint(a.t.id), "audit_seal", "audit_unsealed"),
                "tables of the tenant that changed while outsiders called");
    }

    @Test
    void anotherProviderGetsNothingAndChangesNothing() throws Exception {
        List<Request> requests = concrete(a);
        Set<String> theirs = tenantIds(requests);
        // the tenant's own organisations and administrators are known to every provider in it
        theirs.removeAll(List.of(a.t.id, a.t.commissioner, a.t.otherProvider, a.t.userIds.get(Role.TENANT_ADMIN),
                a.t.userIds.get(Role.COMMISSIONER)));
        theirs.add(CaseFile.SECRET);
        theirs.add("Carys");
        List<Outsider> outsiders = List.of(
                new Outsider("another provider's manager", a.t.otherProviderManager, theirs),
                new Outsider("another provider's practitioner", a.t.otherProviderPractitioner, theirs),
                new Outsider("another provider's volunteer", otherProviderVolunteer, theirs));
        Map<String, String> before = RawDatabase.fingerprint(a.t.id);
        List<String> wrong = sweep(outsiders, requests, false);
        assertEquals(List.of(), wrong);
        // reading the audit trail is itself audited, so another provider's manager reading theirs adds events
        assertEquals(List.of(), changed(before, RawDatabase.fingerprint(a.t.id), "audit_"),
                "tables of the tenant that changed while another provider called");
    }

    /**
     * Each request as each outsider. A path naming one of their records must be refused; a write whose body names
     * one must be refused too; a write naming none is the outsider's own business (made only when
     * {@code ownWrites}, for an outsider in another tenant, whose writes cannot touch this one); no answer may be
     * a 5xx or show one of their ids or notes that the request did not carry.
     */
    private List<String> sweep(List<Outsider> outsiders, List<Request> requests, boolean ownWrites) {
        List<String> wrong = new ArrayList<>();
        int refusals = 0;
        for (Outsider outsider : outsiders) {
            for (Request request : requests) {
                String sent = request.path() + " " + text(request.body());
                boolean namedInPath = outsider.secrets().stream().anyMatch(request.path()::contains);
                boolean named = outsider.secrets().stream().anyMatch(sent::contains);
                boolean write = !"GET".equals(request.row().method());
                if (write && !named && !ownWrites) {
                    continue;
                }
                ApiResponse answer = send(a, request, outsider.token());
                if (answer.status() >= 500) {
                    wrong.add(outsider.name() + ": " + request + " answered " + answer.status());
                } else if (outsider.token() == null && (answer.status() != 401 || !answer.isProblem())) {
                    wrong.add(outsider.name() + ": " + request + " answered " + answer.status());
                } else if ((namedInPath || write && named) && (answer.status() < 400 || !answer.isProblem())) {
                    wrong.add(outsider.name() + ": " + request + " answered " + answer.status() + " "
                            + abbreviate(answer.body()));
                }
                if (namedInPath || write && named) {
                    refusals++;
                }
                for (String secret : outsider.secrets()) {
                    if (answer.body() != null && answer.body().contains(secret) && !sent.contains(secret)) {
                        wrong.add(outsider.name() + ": " + request + " showed " + secret + " in "
                                + abbreviate(answer.body()));
                    }
                }
            }
        }
        assertTrue(refusals > 50 * outsiders.size(), "the outsiders asked for the tenant's own records: "
                + refusals);
        return wrong;
    }

    /**
     * The tables whose rows differ, bar those whose name contains one of {@code ignoring}: the audit sealer seals
     * in the background whoever calls ({@code audit_seal}, {@code audit_unsealed}).
     */
    private static List<String> changed(Map<String, String> before, Map<String, String> after, String... ignoring) {
        return after.keySet().stream()
                .filter(table -> java.util.Arrays.stream(ignoring).noneMatch(table::contains))
                .filter(table -> !after.get(table).equals(before.get(table))).toList();
    }

    @Test
    void theTenantsOwnVolunteerGetsOnlyTheirRoutesAndNoCaseNotes() throws Exception {
        List<Request> requests = concrete(a);
        String volunteer = a.t.token(Role.VOLUNTEER);
        List<String> wrong = new ArrayList<>();
        for (Request request : requests) {
            boolean theirs = request.row().allowed().contains(Role.VOLUNTEER);
            if (theirs && !"GET".equals(request.row().method())) {
                continue; // writing is what the route is for; RoleMatrixTest shows it succeeds
            }
            ApiResponse answer = send(a, request, volunteer);
            if (!theirs && (answer.status() != 403 || !answer.isProblem())) {
                wrong.add(request + " answered " + answer.status());
            }
            if (answer.body() != null && answer.body().contains(CaseFile.SECRET)) {
                wrong.add(request + " showed a case note: " + abbreviate(answer.body()));
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void anotherTenantsIdsInABodyAreRefusedAndWriteNothing() throws Exception {
        List<Request> theirs = concrete(a);
        List<Request> ours = concrete(b);
        assertEquals(theirs.size(), ours.size(), "both tenants have the same rows");
        Map<String, String> theirsBefore = RawDatabase.fingerprint(a.t.id);
        Map<String, String> oursBefore = RawDatabase.fingerprint(b.t.id);
        List<String> wrong = new ArrayList<>();
        int tried = 0;
        for (int i = 0; i < ours.size(); i++) {
            Request own = ours.get(i);
            Object foreignBody = theirs.get(i).body();
            String body = text(foreignBody);
            if ("GET".equals(own.row().method()) || foreignBody == null
                    || ids(a).stream().noneMatch(body::contains)) {
                continue;
            }
            tried++;
            Role role = firstAllowed(own.row());
            String token = role == Role.TENANT_ADMIN ? b.administratorOnly : b.t.token(role);
            ApiResponse answer = send(b, new Request(own.row(), own.path(), foreignBody), token);
            if (answer.status() < 400 || answer.status() >= 500 || !answer.isProblem()) {
                wrong.add(role + ": " + own + " with " + abbreviate(body) + " answered " + answer.status() + " "
                        + abbreviate(answer.body()));
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(tried >= 10, "bodies carrying ids were tried: " + tried);
        assertEquals(List.of(), changed(theirsBefore, RawDatabase.fingerprint(a.t.id), "audit_seal", "audit_unsealed"),
                "tables of the tenant whose ids were sent");
        assertEquals(List.of(), changed(oursBefore, RawDatabase.fingerprint(b.t.id), "audit_seal", "audit_unsealed"),
                "tables of the tenant that sent them");
    }

    /** Every id in tenant A's rows (paths and bodies), and the ids of its organisations and people. */
    private Set<String> tenantIds(List<Request> requests) {
        Set<String> ids = new java.util.HashSet<>(ids(a));
        for (Request request : requests) {
            ids.addAll(uuids(request.path() + " " + text(request.body())));
        }
        return ids;
    }

    /** The ids of a tenant's organisations, people and case file. */
    private static Set<String> ids(ApiOperations world) {
        Set<String> ids = new java.util.HashSet<>(world.file.ids());
        ids.addAll(List.of(world.t.id, world.t.commissioner, world.t.provider, world.t.otherProvider,
                world.declined));
        ids.addAll(world.t.userIds.values());
        return ids;
    }

    private static List<Request> concrete(ApiOperations world) {
        List<Request> requests = new ArrayList<>();
        for (Endpoint row : world.all()) {
            requests.add(new Request(row, row.paths().get(), row.body() == null ? null : row.body().get()));
        }
        return requests;
    }

    private static ApiResponse send(ApiOperations world, Request request, String token) {
        return world.send(request.row().method(), request.path(), request.body(), token);
    }

    private static Role firstAllowed(Endpoint row) {
        for (Role role : List.of(Role.PRACTITIONER, Role.PROVIDER_MANAGER, Role.COMMISSIONER, Role.TENANT_ADMIN,
                Role.VOLUNTEER, Role.OPERATOR)) {
            if (row.allowed().contains(role)) {
                return role;
            }
        }
        throw new AssertionError("nobody may call " + row);
    }

    private static List<String> uuids(String text) {
        List<String> found = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f-]{27}").matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static String text(Object body) {
        try {
            return body == null ? "" : body instanceof byte[] bytes ? new String(bytes, java.nio.charset
                    .StandardCharsets.ISO_8859_1) : JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static String abbreviate(String text) {
        return text == null || text.length() < 300 ? text : text.substring(0, 300) + "…";
    }
}
