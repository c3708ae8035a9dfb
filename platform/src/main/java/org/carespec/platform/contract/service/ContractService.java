package org.carespec.platform.contract.service;

import io.micronaut.data.model.Sort;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.carespec.platform.contract.domain.Contract;
import org.carespec.platform.contract.repository.ContractRepository;
import org.carespec.platform.database.Ids;
import org.carespec.platform.errors.FieldError;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.errors.NotFoundException;
import org.carespec.platform.organisation.domain.Organisation;
import org.carespec.platform.organisation.domain.OrganisationKind;
import org.carespec.platform.organisation.service.OrganisationService;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.plugin.InstalledPlugin;
import org.carespec.platform.plugin.PluginRegistry;
import org.carespec.platform.tenancy.Caller;
import org.carespec.platform.tenancy.CallerContext;
import org.carespec.plugin.api.Role;

/**
 * Contracts. A tenant administrator creates and changes them; a commissioner reads the contracts it holds; a
 * provider's people read their own organisation's. Anyone else is told the contract does not exist.
 */
@Singleton
public class ContractService {

    private final ContractRepository contracts;
    private final OrganisationService organisations;
    private final PluginRegistry plugins;
    private final ContractSettings settings;
    private final CallerContext callers;

    public ContractService(ContractRepository contracts, OrganisationService organisations, PluginRegistry plugins,
                           ContractSettings settings, CallerContext callers) {
        this.contracts = contracts;
        this.organisations = organisations;
        this.plugins = plugins;
        this.settings = settings;
        this.callers = callers;
    }

    @Transactional
    public ContractView create(ContractCommand command) {
        Caller caller = callers.require();
        List<FieldError> errors = new ArrayList<>();
        Optional<InstalledPlugin> module = plugins.find(command.moduleId());
        if (module.isEmpty()) {
            errors.add(new FieldError("moduleId", "is not an installed module"));
        }
        checkParty(command.commissionerId(), OrganisationKind.COMMISSIONER, "commissionerId", errors);
        checkParty(command.providerId(), OrganisationKind.PROVIDER, "providerId", errors);
        checkDates(command.startDate(), command.endDate(), command.reviewDate(), errors);
        module.ifPresent(m -> checkPart(m, command.specificationPart(), errors));
        checkPrices(command.unitPricePence(), command.maxUnitPricePence(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        String validSettings = settings.validated(module.get(), command.settings() == null ? Map.of()
                : command.settings());
        Contract contract = new Contract(Ids.newId(), caller.requireTenant().toString(), command.moduleId(), command.reference().trim(),
                command.title().trim(), command.commissionerId(), command.providerId(), command.startDate(),
                command.endDate(), command.reviewDate(), command.annualValuePence(), command.basis(),
                domains(command.outcomeDomains()), validSettings, command.contractManagerName(),
                command.contractManagerEmail(), null, null, command.specificationPart(), command.unitOfMeasurement(),
                command.unitPricePence(), command.volumeThresholds(), command.maxUnitPricePence());
        return ContractView.of(contracts.save(contract));
    }

    @Transactional
    public ContractView update(UUID id, ContractChange patch) {
        Contract current = visible(id);
        LocalDate start = patch.startDate() != null ? patch.startDate() : current.startDate();
        LocalDate end = patch.endDate() != null ? patch.endDate() : current.endDate();
        LocalDate review = patch.reviewDate() != null ? patch.reviewDate() : current.reviewDate();
        List<FieldError> errors = new ArrayList<>();
        checkDates(start, end, review, errors);
        Long price = patch.unitPricePence() != null ? patch.unitPricePence() : current.unitPricePence();
        Long maximum = patch.maxUnitPricePence() != null ? patch.maxUnitPricePence() : current.maxUnitPricePence();
        checkPrices(price, maximum, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        String newSettings = current.settings();
        if (patch.settings() != null) {
            InstalledPlugin module = plugins.find(current.moduleId()).orElseThrow(() -> new InvalidRequestException(
                    List.of(new FieldError("settings", "the contract's module is not installed"))));
            newSettings = settings.validated(module, patch.settings());
        }
        Contract changed = new Contract(current.id(), current.tenantId(), current.moduleId(),
                patch.reference() != null ? patch.reference().trim() : current.reference(),
                patch.title() != null ? patch.title().trim() : current.title(),
                current.commissionerId(), current.providerId(), start, end, review,
                patch.annualValuePence() != null ? patch.annualValuePence() : current.annualValuePence(),
                patch.basis() != null ? patch.basis() : current.basis(),
                patch.outcomeDomains() != null ? domains(patch.outcomeDomains()) : current.outcomeDomains(),
                newSettings,
                patch.contractManagerName() != null ? patch.contractManagerName() : current.contractManagerName(),
                patch.contractManagerEmail() != null ? patch.contractManagerEmail() : current.contractManagerEmail(),
                current.createdAt(), null, current.specificationPart(),
                patch.unitOfMeasurement() != null ? patch.unitOfMeasurement() : current.unitOfMeasurement(), price,
                patch.volumeThresholds() != null ? patch.volumeThresholds() : current.volumeThresholds(), maximum);
        return ContractView.of(contracts.update(changed));
    }

    @Transactional
    public Page<ContractView> list(PageRequest page) {
        Caller caller = callers.require();
        caller.requireTenant();
        var pageable = page.pageable(Sort.of(Sort.Order.asc("startDate"), Sort.Order.asc("id")));
        io.micronaut.data.model.Page<Contract> found;
        if (caller.has(Role.TENANT_ADMIN)) {
            found = contracts.findAll(pageable);
        } else if (caller.has(Role.COMMISSIONER)) {
            found = contracts.findByCommissionerId(caller.requireOrganisation(), pageable);
        } else {
            found = contracts.findByProviderId(caller.requireOrganisation(), pageable);
        }
        return Page.of(found, page).map(ContractView::of);
    }

    @Transactional
    public ContractView get(UUID id) {
        return ContractView.of(visible(id));
    }

    /**
     * The contract if the caller may see it: an administrator any in the tenant, a commissioner those it holds,
     * a provider's people their organisation's. Otherwise it does not exist, as far as the caller can tell.
     */
    @Transactional
    public Contract visible(UUID id) {
        Caller caller = callers.require();
        caller.requireTenant();
        return contracts.findById(id).filter(c -> mayRead(caller, c))
                .orElseThrow(() -> new NotFoundException("Contract " + id));
    }

    /** The modules the caller's own contracts enable (for a provider's people). */
    @Transactional
    public Set<String> modulesOfOwnOrganisation() {
        Caller caller = callers.require();
        caller.requireTenant();
        return Set.copyOf(contracts.findByProviderId(caller.requireOrganisation()).stream().map(Contract::moduleId).toList());
    }

    static boolean mayRead(Caller caller, Contract contract) {
        if (caller.has(Role.TENANT_ADMIN)) {
            return true;
        }
        if (caller.has(Role.COMMISSIONER) && contract.commissionerId().equals(caller.organisationId())) {
            return true;
        }
        return caller.hasAny(Role.PROVIDER_MANAGER, Role.PRACTITIONER, Role.VOLUNTEER)
                && contract.providerId().equals(caller.organisationId());
    }

    /** A module with parts needs the contract to name one of them; a module without parts takes none. */
    private static void checkPart(InstalledPlugin module, String part, List<FieldError> errors) {
        List<String> parts = module.specificationParts().stream().map(p -> p.code()).toList();
        if (parts.isEmpty() && part != null) {
            errors.add(new FieldError("specificationPart", "must be left out: module " + module.id()
                    + " implements its specification as a whole"));
        } else if (!parts.isEmpty() && (part == null || !parts.contains(part))) {
            errors.add(new FieldError("specificationPart", "must be one of: " + String.join(", ", parts)
                    + " (module " + module.id() + " implements its specification in parts)"));
        }
    }

    /** A call-off's maximum price per unit (004 §8.1) caps the contract's price. */
    private static void checkPrices(Long price, Long maximum, List<FieldError> errors) {
        if (price != null && maximum != null && price > maximum) {
            errors.add(new FieldError("unitPricePence", "must not be more than maxUnitPricePence (" + maximum + ")"));
        }
    }

    private void checkParty(UUID id, OrganisationKind kind, String field, List<FieldError> errors) {
        Optional<Organisation> organisation = organisations.find(id);
        if (organisation.isEmpty()) {
            errors.add(new FieldError(field, "is not an organisation of this tenant"));
        } else if (organisation.get().kind() != kind) {
            errors.add(new FieldError(field, "must be a " + kind.name().toLowerCase() + " organisation"));
        }
    }

    private static void checkDates(LocalDate start, LocalDate end, LocalDate review, List<FieldError> errors) {
        if (end.isBefore(start)) {
            errors.add(new FieldError("endDate", "must not be before startDate"));
        }
        if (review != null && (review.isBefore(start) || review.isAfter(end))) {
            errors.add(new FieldError("reviewDate", "must fall within the contract period"));
        }
    }

    private static Integer[] domains(Set<Integer> domains) {
        return domains == null ? new Integer[0] : domains.stream().sorted().toArray(Integer[]::new);
    }
}
