package org.carespec.platform.codelist.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.carespec.platform.contract.domain.Contract;
import org.carespec.platform.contract.service.ContractService;
import org.carespec.platform.database.Sql;
import org.carespec.platform.errors.ConflictException;
import org.carespec.platform.errors.ForbiddenException;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.errors.NotFoundException;
import org.carespec.platform.plugin.InstalledPlugin;
import org.carespec.platform.plugin.PluginRegistry;
import org.carespec.platform.tenancy.Caller;
import org.carespec.platform.tenancy.CallerContext;
import org.carespec.plugin.api.Role;
import org.carespec.plugin.api.codes.Code;
import org.carespec.plugin.api.codes.CodeList;

/**
 * A module's code lists as one contract sees them: the module's codes, then the contract's local entries (a
 * commissioner's local agency), added without a deployment. What every schema field naming a list is checked against.
 */
@Singleton
public class ContractCodes {

    private final Sql sql;
    private final CallerContext callers;
    private final ContractService contracts;
    private final PluginRegistry plugins;

    public ContractCodes(Sql sql, CallerContext callers, ContractService contracts, PluginRegistry plugins) {
        this.sql = sql;
        this.callers = callers;
        this.contracts = contracts;
        this.plugins = plugins;
    }

    /**
     * Whether (list, code) is accepted for the contract: in the module's list or among the contract's local entries.
     * Local entries are read once per checker, on the first code the module's list does not hold.
     */
    public BiPredicate<String, String> checker(UUID tenant, UUID contractId, InstalledPlugin module) {
        return new BiPredicate<>() {
            private Set<String> local;

            @Override
            public boolean test(String list, String code) {
                if (module.codeList(list).map(l -> l.contains(code)).orElse(false)) {
                    return true;
                }
                if (local == null) {
                    local = new HashSet<>(sql.list("select list_code || '|' || code from contract_code"
                            + " where tenant_id = ? and contract_id = ?", List.of(tenant, contractId),
                            rs -> rs.getString(1)));
                }
                return local.contains(list + "|" + code);
            }
        };
    }

    /** The list as the contract uses it, for anyone who may read the contract. */
    @Transactional
    public CodeListView list(UUID contractId, String listCode) {
        Contract contract = contracts.visible(contractId);
        CodeList list = moduleList(contract, listCode);
        List<CodeListView.Entry> entries = new ArrayList<>();
        for (Code code : list.codes()) {
            entries.add(new CodeListView.Entry(code.code(), code.label(), code.group(), false));
        }
        entries.addAll(sql.list("select code, label, code_group from contract_code where tenant_id = ? and"
                        + " contract_id = ? and list_code = ? order by added_at, code",
                List.of(callers.require().requireTenant(), contractId, listCode),
                rs -> new CodeListView.Entry(rs.getString(1), rs.getString(2), rs.getString(3), true)));
        return new CodeListView(list.code(), list.title(), list.source() == null ? null : list.source().toString(),
                entries);
    }

    /** Adds a local entry: the contract's commissioner or the tenant's administrator. */
    @Transactional
    public CodeListView addLocal(UUID contractId, String listCode, LocalCodeCommand command) {
        Caller caller = callers.require();
        Contract contract = contracts.visible(contractId);
        boolean commissioner = caller.has(Role.COMMISSIONER) && contract.commissionerId().equals(caller.organisationId());
        if (!commissioner && !caller.has(Role.TENANT_ADMIN)) {
            throw new ForbiddenException("Only the contract's commissioner or the tenant's administrator may add a"
                    + " local code");
        }
        CodeList list = moduleList(contract, listCode);
        if (list.contains(command.code())) {
            throw InvalidRequestException.of("code", "is already a code of the module's list " + listCode);
        }
        int added = sql.update("""
                insert into contract_code (tenant_id, contract_id, list_code, code, label, code_group, added_by)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                Arrays.asList(caller.requireTenant(), contractId, listCode, command.code(), command.label(),
                        command.group(), caller.actor()));
        if (added == 0) {
            throw new ConflictException("The contract already has the local code " + command.code() + " in "
                    + listCode);
        }
        return list(contractId, listCode);
    }

    private CodeList moduleList(Contract contract, String listCode) {
        InstalledPlugin module = plugins.find(contract.moduleId())
                .orElseThrow(() -> new NotFoundException("The module of contract " + contract.id()));
        return module.codeList(listCode)
                .orElseThrow(() -> new NotFoundException("Code list " + listCode + " of module " + module.id()));
    }
}
