package org.carespec.platform.contract.domain;

/** How a contract is paid for, as NHS standard contracts name it (001 "Basis of Contract"). */
public enum ContractBasis {
    BLOCK,
    COST_AND_VOLUME,
    LOCAL_TARIFF,
    NON_TARIFF
}
