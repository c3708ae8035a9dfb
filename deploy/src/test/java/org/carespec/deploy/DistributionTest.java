package org.carespec.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.Test;

/** The assembled distribution boots with every module, migrates them and serves them. */
@MicronautTest(transactional = false)
class DistributionTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    @Test
    void everyModuleOfTheDistributionIsInstalledAndCanBeContractedFor() {
        Api api = new Api(server);
        JsonNode modules = api.get("/api/v1/modules", api.operatorToken()).expect(200).json().path("items");
        assertTrue(modules.size() >= 1);
        assertEquals("carers-options", modules.get(0).path("id").asText());
        TestTenant t = TestTenant.create(api);
        String contract = t.contract("carers-options", Map.of());
        JsonNode settings = api.get("/api/v1/contracts/" + contract, t.token(Role.PRACTITIONER)).expect(200).json()
                .path("settings");
        assertEquals("E08000034", settings.path("area").path("localAuthorityCode").asText());
        assertEquals(64, settings.path("caredForAgeBand").path("max").asInt());
    }
}
