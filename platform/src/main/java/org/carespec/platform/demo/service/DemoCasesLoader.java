package org.carespec.platform.demo.service;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.order.Ordered;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carespec.platform.calendar.LondonTime;
import org.carespec.platform.plugin.InstalledPlugin;
import org.carespec.platform.plugin.PluginRegistry;
import org.carespec.platform.returns.domain.FinancialPeriod;
import org.carespec.plugin.api.demo.DemoCases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads modules' demo cases once the server answers: for each module with {@link DemoCases}, in its demo tenant,
 * a contract between the tenant's first commissioner and the demo provider (the organisation of
 * {@code practitioner@<tenant>.demo}) from the start of the financial year two quarters back, then the cases,
 * entered through the API as that practitioner. A module whose contract is already there is left alone, so a
 * second start adds nothing. It runs before the startup banner, so the address is printed once the demo is in.
 */
@Singleton
@Requires(property = "carespec.demo.enabled", value = "true")
public class DemoCasesLoader implements ApplicationEventListener<ServerStartupEvent>, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCasesLoader.class);

    private final PluginRegistry plugins;
    private final Clock clock;
    private final String password;

    public DemoCasesLoader(PluginRegistry plugins, Clock clock, @Value("${carespec.demo.password}") String password) {
        this.plugins = plugins;
        this.clock = clock;
        this.password = password;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        DemoApi api = new DemoApi(event.getSource().getURI());
        for (InstalledPlugin plugin : plugins.all()) {
            for (DemoCases cases : plugin.demoCases()) {
                try {
                    load(api, plugin, cases);
                } catch (RuntimeException e) {
                    LOG.error("The demo cases of {} could not be loaded", plugin.id(), e);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void load(DemoApi api, InstalledPlugin plugin, DemoCases cases) {
        String tenant = cases.tenant();
        String admin = api.login("admin@" + tenant + ".demo", password, tenant);
        List<Map<String, Object>> contracts = (List<Map<String, Object>>) api.send("GET",
                "/api/v1/contracts?size=200", admin, null).get("items");
        if (contracts.stream().anyMatch(c -> plugin.id().equals(c.get("moduleId")))) {
            return;
        }
        String practitioner = api.login("practitioner@" + tenant + ".demo", password, tenant);
        Object provider = api.send("GET", "/api/v1/me", practitioner, null).get("organisationId");
        List<Map<String, Object>> organisations = (List<Map<String, Object>>) api.send("GET",
                "/api/v1/organisations?size=200", admin, null).get("items");
        Object commissioner = organisations.stream().filter(o -> "COMMISSIONER".equals(o.get("kind")))
                .findFirst().orElseThrow().get("id");
        LocalDate today = LondonTime.today(clock);
        LocalDate start = FinancialPeriod.quarterOf(today).previous().previous().year().start();
        Map<String, Object> contract = new LinkedHashMap<>();
        contract.put("moduleId", plugin.id());
        contract.put("reference", "DEMO/" + plugin.id().toUpperCase(java.util.Locale.ROOT));
        contract.put("title", cases.contractTitle());
        contract.put("commissionerId", commissioner);
        contract.put("providerId", provider);
        contract.put("startDate", start.toString());
        contract.put("endDate", start.plusYears(3).minusDays(1).toString());
        contract.put("annualValuePence", cases.annualValuePence());
        contract.put("basis", "BLOCK");
        contract.put("contractManagerName", "Contract manager, " + tenant);
        String id = String.valueOf(api.send("POST", "/api/v1/contracts", admin, contract).get("id"));
        long began = System.nanoTime();
        cases.load(new ApiDemoSession(api, practitioner, id, today, start));
        LOG.info("Demo cases of {} loaded into {} in {} ms", plugin.id(), tenant, (System.nanoTime() - began) / 1_000_000);
    }
}
