package org.carespec.platform.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.ApiResponse;
import org.carespec.platform.test.CaseFile;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every write of the case-management API answers broken, empty, oversized or wrongly-shaped input with a 4xx
 * problem+json naming what is wrong, never a 500; and the database count of every table is unchanged afterwards.
 */
@MicronautTest(transactional = false)
class CaseworkBadInputTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    Api api;
    CaseFile file;
    String manager;

    @BeforeAll
    void world() {
        api = new Api(server);
        file = CaseFile.record(api, TestTenant.create(api));
        manager = file.tenant.token(Role.PROVIDER_MANAGER);
    }

    List<String[]> writes() {
        return List.of(
                new String[] {"POST", "/api/v1/persons"},
                new String[] {"PATCH", "/api/v1/persons/" + file.carer},
                new String[] {"POST", "/api/v1/persons/" + file.carer + "/relationships"},
                new String[] {"POST", "/api/v1/contracts/" + file.contract + "/referrals"},
                new String[] {"POST", "/api/v1/referrals/" + file.referral + "/events"},
                new String[] {"POST", "/api/v1/referrals/" + file.referral + "/service-level"},
                new String[] {"POST", "/api/v1/contracts/" + file.contract + "/activities"},
                new String[] {"POST", "/api/v1/contracts/" + file.contract + "/group-sessions"},
                new String[] {"PUT", "/api/v1/group-sessions/" + file.groupSession + "/attendance"},
                new String[] {"POST", "/api/v1/contracts/" + file.contract + "/forms/assessment"},
                new String[] {"POST", "/api/v1/referrals/" + file.referral + "/plans"},
                new String[] {"POST", "/api/v1/plans/" + file.plan + "/reviews"},
                new String[] {"POST", "/api/v1/persons/" + file.carer + "/outcome-readings"},
                new String[] {"POST", "/api/v1/contracts/" + file.contract + "/feedback"},
                new String[] {"POST", "/api/v1/contracts/" + file.contract + "/safeguarding-concerns"},
                new String[] {"PATCH", "/api/v1/safeguarding-concerns/" + file.concern},
                new String[] {"POST", "/api/v1/workers"},
                new String[] {"POST", "/api/v1/workers/" + file.worker + "/training"},
                new String[] {"POST", "/api/v1/workers/" + file.worker + "/dbs-checks"});
    }

    @Test
    void brokenJsonWrongShapesAndHugeBodiesAreProblemsNeverErrors() {
        List<String> wrong = new ArrayList<>();
        String huge = "{\"givenName\": \"" + "x".repeat(1_100_000) + "\"}";
        for (String[] write : writes()) {
            check(wrong, write, "{\"personId\": ", 400, true);
            check(wrong, write, "[1, 2, 3]", 400, true);
            check(wrong, write, "\"<script>alert(1)</script>\"", 400, true);
            check(wrong, write, huge, 413, false);
            if (!write[0].equals("PATCH")) {
                check(wrong, write, "{}", 400, true);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void aPathIdThatIsNotAUuidNamesTheParameter() {
        List<String> wrong = new ArrayList<>();
        for (String[] write : writes()) {
            String path = write[1].replaceFirst("[0-9a-f-]{36}", "not-a-uuid'--");
            if (path.equals(write[1])) {
                continue;
            }
            ApiResponse r = api.send(write[0], path, manager, Map.of(), Map.of());
            if (r.status() != 400 || !r.isProblem() || r.problemFields().isEmpty()) {
                wrong.add(write[0] + " " + path + " -> " + r.status() + " " + r.body());
            }
        }
        assertEquals(List.of(), wrong);
    }

    private void check(List<String> wrong, String[] write, String body, int status, boolean namesAField) {
        ApiResponse r = api.send(write[0], write[1], manager, body, Map.of());
        boolean ok = r.status() == status && r.isProblem() && (!namesAField || !r.problemFields().isEmpty());
        if (!ok) {
            wrong.add(write[0] + " " + write[1] + " with " + body.substring(0, Math.min(body.length(), 30)) + " -> "
                    + r.status() + " " + r.body().substring(0, Math.min(r.body().length(), 300)));
        }
    }
}
