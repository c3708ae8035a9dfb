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
 * Loads modules' demo cases once the server answers: for each {@link DemoCases} of each module, in its demo tenant,
 * a contract between the commissioner and provider it names (by default the tenant's first commissioner and the
 * organisation of {@code practitioner@<tenant>.demo}) from the start of the financial year two quarters back, then
 * the cases, entered through the API as a practitioner of that provider. A contract whose module and reference are
 * already there is left alone, so a second start adds nothing. It runs before the startup banner, so the address is printed once the demo is in.
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
        String reference = cases.contractReference() != null ? cases.contractReference()
                : "DEMO/" + plugin.id().toUpperCase(java.util.Locale.ROOT);
        List<Map<String, Object>> contracts = (List<Map<String, Object>>) api.send("GET",
                "/api/v1/contracts?size=200", admin, null).get("items");
        if (contracts.stream().anyMatch(c -> plugin.id().equals(c.get("moduleId"))
                && reference.equals(c.get("reference")))) {
            return;
        }
        List<Map<String, Object>> organisations = (List<Map<String, Object>>) api.send("GET",
                "/api/v1/organisations?size=200", admin, null).get("items");
        Object commissioner = organisations.stream().filter(o -> "COMMISSIONER".equals(o.get("kind"))
                        && (cases.commissioner() == null || cases.commissioner().equals(o.get("name"))))
                .findFirst().orElseThrow(() -> new IllegalStateException("no commissioner " + cases.commissioner()
                        + " in " + tenant)).get("id");
        String practitioner;
        Object provider;
        if (cases.provider() == null) {
            practitioner = api.login("practitioner@" + tenant + ".demo", password, tenant);
            provider = api.send("GET", "/api/v1/me", practitioner, null).get("organisationId");
        } else {
            provider = organisations.stream().filter(o -> "PROVIDER".equals(o.get("kind"))
                            && cases.provider().equals(o.get("name"))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no provider " + cases.provider() + " in " + tenant))
                    .get("id");
            practitioner = practitionerOf(api, admin, tenant, provider);
        }
        LocalDate today = LondonTime.today(clock);
        LocalDate start = FinancialPeriod.quarterOf(today).previous().previous().year().start();
        Map<String, Object> contract = new LinkedHashMap<>();
        contract.put("moduleId", plugin.id());
        contract.put("reference", reference);
        contract.put("title", cases.contractTitle());
        contract.put("commissionerId", commissioner);
        contract.put("providerId", provider);
        contract.put("startDate", start.toString());
        contract.put("endDate", start.plusYears(3).minusDays(1).toString());
        contract.put("annualValuePence", cases.annualValuePence());
        contract.put("basis", "BLOCK");
        contract.put("contractManagerName", "Contract manager, " + tenant);
        if (cases.specificationPart() != null) {
            contract.put("specificationPart", cases.specificationPart());
        }
        String id = String.valueOf(api.send("POST", "/api/v1/contracts", admin, contract).get("id"));
        long began = System.nanoTime();
        cases.load(new ApiDemoSession(api, practitioner, id, today, start,
                () -> staffWorker(api, admin, tenant, provider)));
        LOG.info("Demo cases of {} ({}) loaded into {} in {} ms", plugin.id(), reference, tenant,
                (System.nanoTime() - began) / 1_000_000);
    }

    /**
     * The worker record of a member of the provider's staff, made through the API by a manager of the provider (one
     * made when the provider has none): activities that must name who delivered them name this worker.
     */
    @SuppressWarnings("unchecked")
    private String staffWorker(DemoApi api, String admin, String tenant, Object provider) {
        String manager = userOf(api, admin, tenant, provider, "PROVIDER_MANAGER", "manager", "Demo provider manager");
        List<Map<String, Object>> workers = (List<Map<String, Object>>) api.send("GET", "/api/v1/workers?size=200",
                manager, null).get("items");
        return workers.stream().filter(w -> "STAFF".equals(w.get("kind")) && "Demo support worker".equals(w.get("name")))
                .map(w -> String.valueOf(w.get("id"))).findFirst()
                .orElseGet(() -> String.valueOf(api.send("POST", "/api/v1/workers", manager, Map.of(
                        "name", "Demo support worker", "kind", "STAFF", "jobTitle", "Support worker")).get("id")));
    }

    /** A practitioner of the provider, signed in: one made through the API when the provider has none. */
    private String practitionerOf(DemoApi api, String admin, String tenant, Object provider) {
        return userOf(api, admin, tenant, provider, "PRACTITIONER", "practitioner", "Demo practitioner");
    }

    /** A user of the provider with the role, signed in: one made through the API when the provider has none. */
    @SuppressWarnings("unchecked")
    private String userOf(DemoApi api, String admin, String tenant, Object provider, String role, String prefix,
                          String displayName) {
        List<Map<String, Object>> users = (List<Map<String, Object>>) api.send("GET", "/api/v1/users?size=200", admin,
                null).get("items");
        String email = users.stream().filter(u -> provider.equals(u.get("organisationId"))
                        && ((List<Object>) u.get("roles")).contains(role))
                .map(u -> String.valueOf(u.get("email"))).findFirst().orElse(null);
        if (email == null) {
            email = prefix + "." + String.valueOf(provider).substring(0, 8) + "@" + tenant + ".demo";
            api.send("POST", "/api/v1/users", admin, Map.of("email", email, "displayName", displayName,
                    "password", password, "organisationId", provider, "roles", List.of(role)));
        }
        return api.login(email, password, tenant);
    }
}
