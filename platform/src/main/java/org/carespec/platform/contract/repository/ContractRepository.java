package org.carespec.platform.contract.repository;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.UUID;
import org.carespec.platform.contract.domain.Contract;

/** Contracts of the caller's tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ContractRepository extends CrudRepository<Contract, UUID> {

    Page<Contract> findAll(Pageable pageable);

    Page<Contract> findByProviderId(UUID providerId, Pageable pageable);

    Page<Contract> findByCommissionerId(UUID commissionerId, Pageable pageable);

    List<Contract> findByProviderId(UUID providerId);
}
