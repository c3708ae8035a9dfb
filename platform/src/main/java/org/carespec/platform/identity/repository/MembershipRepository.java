package org.carespec.platform.identity.repository;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.UUID;
import org.carespec.platform.identity.domain.Membership;

/** Memberships of the caller's tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MembershipRepository extends CrudRepository<Membership, UUID> {

    boolean existsByUserId(UUID userId);
}
