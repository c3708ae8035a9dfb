package org.carespec.platform.tenant.repository;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.UUID;
import org.carespec.platform.tenant.domain.Tenant;

/** Tenants. Row-level security shows a tenant its own row and an operator every row. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TenantRepository extends CrudRepository<Tenant, UUID> {

    boolean existsBySlug(String slug);

    Page<Tenant> findAll(Pageable pageable);

}
