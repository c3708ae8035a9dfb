package org.carespec.platform.casework.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.carespec.platform.contract.domain.Contract;
import org.carespec.platform.contract.service.ContractService;
import org.carespec.platform.errors.NotFoundException;
import org.carespec.platform.plugin.InstalledPlugin;
import org.carespec.platform.plugin.PluginRegistry;
import org.carespec.platform.tenancy.Caller;
import org.carespec.platform.tenancy.CallerContext;

/**
 * Case work belongs to the provider that does it. This is where every case-work feature asks "is this contract one
 * of the caller's own organisation's?": a commissioner, an administrator or another provider is told it does not
 * exist, because they may see contracts and figures but not case records.
 */
@Singleton
public class CaseworkAccess {

    private final CallerContext callers;
    private final ContractService contracts;
    private final PluginRegistry plugins;

    public CaseworkAccess(CallerContext callers, ContractService contracts, PluginRegistry plugins) {
        this.callers = callers;
        this.contracts = contracts;
        this.plugins = plugins;
    }

    public Caller caller() {
        Caller caller = callers.require();
        caller.requireTenant();
        caller.requireOrganisation();
        return caller;
    }

    /** The caller's own organisation's contract, with its module. */
    @Transactional
    public CaseContract ownContract(UUID contractId) {
        Caller caller = caller();
        Contract contract = contracts.visible(contractId);
        if (!contract.providerId().equals(caller.organisationId())) {
            throw new NotFoundException("Contract " + contractId);
        }
        InstalledPlugin module = plugins.find(contract.moduleId()).orElseThrow(() ->
                new NotFoundException("The module of contract " + contractId));
        return new CaseContract(contract, module);
    }

    /** A contract and the module it enables. */
    public record CaseContract(Contract contract, InstalledPlugin module) {

        public UUID id() {
            return contract.id();
        }
    }
}
