package org.carespec.platform.organisation.repository;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.UUID;
import org.carespec.platform.organisation.domain.Organisation;

/** Organisations of the caller's tenant (discriminator multi-tenancy, then row-level security). */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OrganisationRepository extends CrudRepository<Organisation, UUID> {

    Page<Organisation> findAll(Pageable pageable);

    /** The organisation itself and those it holds contracts with. */
    @Query(value = """
            select o.* from organisation o
            where o.id = :organisation
               or exists (select 1 from contract c
                          where (c.provider_id = :organisation and c.commissioner_id = o.id)
                             or (c.commissioner_id = :organisation and c.provider_id = o.id))
            order by o.name, o.id""",
            countQuery = """
            select count(*) from organisation o
            where o.id = :organisation
               or exists (select 1 from contract c
                          where (c.provider_id = :organisation and c.commissioner_id = o.id)
                             or (c.commissioner_id = :organisation and c.provider_id = o.id))""")
    Page<Organisation> findCounterparties(UUID organisation, Pageable pageable);

    /** Whether {@code other} is the organisation itself or one it holds a contract with. */
    @Query(value = """
            select (:other = :organisation or exists (select 1 from contract c
                where (c.provider_id = :organisation and c.commissioner_id = :other)
                   or (c.commissioner_id = :organisation and c.provider_id = :other)))""", nativeQuery = true)
    boolean isCounterparty(UUID organisation, UUID other);
}
