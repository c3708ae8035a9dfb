package org.carespec.platform.demo.service;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Order;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.carespec.platform.calendar.Nation;
import org.carespec.platform.identity.service.UserCommand;
import org.carespec.platform.identity.service.UserService;
import org.carespec.platform.organisation.domain.OrganisationKind;
import org.carespec.platform.organisation.service.OrganisationCommand;
import org.carespec.platform.organisation.service.OrganisationService;
import org.carespec.platform.organisation.service.OrganisationView;
import org.carespec.platform.tenancy.Caller;
import org.carespec.platform.tenancy.CallerContext;
import org.carespec.platform.tenant.repository.TenantRepository;
import org.carespec.platform.tenant.service.TenantCommand;
import org.carespec.platform.tenant.service.TenantService;
import org.carespec.platform.tenant.service.TenantView;
import org.carespec.plugin.api.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the demo tenants once, on the first start with {@code CARESPEC_DEMO} not {@code false}: Dorset and
 * Kirklees with their commissioners, providers and one account per role ({@code <role>@<tenant>.demo}). It goes
 * through the same services as the API, so the demo is audited and isolated like real data.
 */
@Singleton
@Order(20)
@Requires(property = "carespec.demo.enabled", value = "true")
public class DemoDataLoader implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);

    private final CallerContext callers;
    private final TenantRepository tenants;
    private final TenantService tenantService;
    private final OrganisationService organisations;
    private final UserService users;
    private final TransactionOperations<Connection> transactions;
    private final String password;

    public DemoDataLoader(CallerContext callers, TenantRepository tenants, TenantService tenantService,
                          OrganisationService organisations, UserService users,
                          TransactionOperations<Connection> transactions,
                          @Value("${carespec.demo.password}") String password) {
        this.callers = callers;
        this.tenants = tenants;
        this.tenantService = tenantService;
        this.organisations = organisations;
        this.users = users;
        this.transactions = transactions;
        this.password = password;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        Caller system = Caller.system("demo-loader");
        boolean loaded = callers.callAs(system, () -> transactions.executeRead(s -> tenants.existsBySlug("dorset")));
        if (loaded) {
            LOG.info("Demo data is already loaded");
            return;
        }
        callers.runAs(system, () -> {
            loadDorset(system);
            loadKirklees(system);
        });
        LOG.info("Demo data loaded: tenants dorset and kirklees");
    }

    private void loadDorset(Caller system) {
        TenantView dorset = tenantService.create(new TenantCommand("dorset", "Dorset", Nation.ENGLAND_AND_WALES,
                new TenantCommand.HostOrganisation("NHS Dorset", "QVV"),
                new TenantCommand.FirstAdministrator("admin@dorset.demo", "Dorset tenant administrator", password)));
        inTenant(system, dorset.id(), () -> {
            UUID nhsDorset = commissioner(dorset.id());
            organisations.create(new OrganisationCommand("Dorset Council", OrganisationKind.COMMISSIONER, null, null));
            OrganisationView meGroup = organisations.create(new OrganisationCommand("Dorset ME Support Group",
                    OrganisationKind.PROVIDER, null, null));
            organisations.create(new OrganisationCommand("Dorset HealthCare University NHS Foundation Trust",
                    OrganisationKind.PROVIDER, "RDY", null));
            organisations.create(new OrganisationCommand("Wessex Children's Care at Home", OrganisationKind.PROVIDER,
                    null, null));
            accounts("dorset", nhsDorset, meGroup.id());
        });
    }

    private void loadKirklees(Caller system) {
        TenantView kirklees = tenantService.create(new TenantCommand("kirklees", "Kirklees", Nation.ENGLAND_AND_WALES,
                new TenantCommand.HostOrganisation("Kirklees Mental Health Partnership", null),
                new TenantCommand.FirstAdministrator("admin@kirklees.demo", "Kirklees tenant administrator",
                        password)));
        inTenant(system, kirklees.id(), () -> {
            UUID partnership = commissioner(kirklees.id());
            OrganisationView carers = organisations.create(new OrganisationCommand("Kirklees Carers Options",
                    OrganisationKind.PROVIDER, null, null));
            accounts("kirklees", partnership, carers.id());
        });
    }

    private void accounts(String tenant, UUID commissioner, UUID provider) {
        Map<String, UserCommand> accounts = new LinkedHashMap<>();
        accounts.put("commissioner", user(tenant, "commissioner", "Commissioning manager", commissioner,
                Role.COMMISSIONER));
        accounts.put("manager", user(tenant, "manager", "Provider manager", provider, Role.PROVIDER_MANAGER));
        accounts.put("practitioner", user(tenant, "practitioner", "Practitioner", provider, Role.PRACTITIONER));
        accounts.put("volunteer", user(tenant, "volunteer", "Volunteer", provider, Role.VOLUNTEER));
        accounts.values().forEach(users::create);
    }

    private UserCommand user(String tenant, String role, String name, UUID organisation, Role granted) {
        return new UserCommand(role + "@" + tenant + ".demo", name, password, organisation, EnumSet.of(granted));
    }

    private UUID commissioner(UUID tenant) {
        return organisations.list(org.carespec.platform.paging.PageRequest.of(0, 10)).items().stream()
                .filter(o -> o.kind() == OrganisationKind.COMMISSIONER).findFirst().orElseThrow().id();
    }

    private void inTenant(Caller system, UUID tenant, Runnable work) {
        Caller admin = new Caller(system.actor(), null, tenant, null, Set.of(Role.TENANT_ADMIN), null);
        callers.runAs(admin, () -> transactions.executeWrite(status -> {
            work.run();
            return null;
        }));
    }
}
