package org.carespec.platform.identity.repository;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.UUID;
import org.carespec.platform.identity.domain.UserAccount;

/** Login accounts as row-level security lets the caller see them. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface UserAccountRepository extends CrudRepository<UserAccount, UUID> {
}
