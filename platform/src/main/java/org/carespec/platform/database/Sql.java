package org.carespec.platform.database;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;

/**
 * Hand-written SQL in the current transaction, on a connection already set up for the caller (tenant,
 * actor), so row-level security applies to every statement. Use it inside {@code @Transactional} methods.
 * Every query written with it that touches tenant data has a two-tenant test.
 */
@Singleton
public class Sql {

    private final JdbcOperations jdbc;

    public Sql(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public <T> List<T> list(String sql, List<?> parameters, RowMapper<T> mapper) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, parameters);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        });
    }

    /**
     * One page of a list, the way every list endpoint answers: the rows of {@code query} (ending with its
     * {@code order by}) from the page's offset, and how many rows {@code countQuery} counts with the same parameters.
     */
    public <T> Page<T> page(String countQuery, String query, List<?> parameters, PageRequest page,
                            RowMapper<T> mapper) {
        return page(countQuery, parameters, query, parameters, page, mapper);
    }

    /** As {@link #page(String, String, List, PageRequest, RowMapper)}, where the count takes its own parameters. */
    public <T> Page<T> page(String countQuery, List<?> countParameters, String query, List<?> parameters,
                            PageRequest page, RowMapper<T> mapper) {
        long total = count(countQuery, countParameters);
        List<Object> paged = new ArrayList<>(parameters);
        paged.add(page.size());
        paged.add(page.offset());
        return new Page<>(list(query + " limit ? offset ?", paged, mapper), page.page(), page.size(), total);
    }

    public <T> Optional<T> one(String sql, List<?> parameters, RowMapper<T> mapper) {
        List<T> rows = list(sql, parameters, mapper);
        if (rows.size() > 1) {
            throw new IllegalStateException("expected at most one row, got " + rows.size());
        }
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    public long count(String sql, List<?> parameters) {
        return one(sql, parameters, rs -> rs.getLong(1)).orElse(0L);
    }

    public int update(String sql, List<?> parameters) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, parameters);
            return ps.executeUpdate();
        });
    }

    private static void bind(PreparedStatement ps, List<?> parameters) throws SQLException {
        Connection connection = ps.getConnection();
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            int index = i + 1;
            if (value == null) {
                ps.setNull(index, Types.NULL);
            } else if (value instanceof Instant instant) {
                ps.setTimestamp(index, Timestamp.from(instant));
            } else if (value instanceof UUID || value instanceof java.time.LocalDate
                    || value instanceof java.time.OffsetDateTime) {
                ps.setObject(index, value);
            } else if (value instanceof UUID[] uuids) {
                ps.setArray(index, connection.createArrayOf("uuid", uuids));
            } else if (value instanceof Integer[] integers) {
                ps.setArray(index, connection.createArrayOf("integer", integers));
            } else if (value instanceof String[] texts) {
                Array array = connection.createArrayOf("text", texts);
                ps.setArray(index, array);
            } else if (value instanceof Collection<?> items) {
                Array array = connection.createArrayOf(arrayType(items),
                        items.stream().map(x -> x instanceof Enum<?> e ? e.name() : x).toArray());
                ps.setArray(index, array);
            } else if (value instanceof Enum<?> e) {
                ps.setString(index, e.name());
            } else {
                ps.setObject(index, value);
            }
        }
    }

    private static String arrayType(Collection<?> items) {
        Object first = items.isEmpty() ? null : items.iterator().next();
        if (first instanceof UUID) {
            return "uuid";
        }
        if (first instanceof Integer) {
            return "integer";
        }
        if (first instanceof Long) {
            return "bigint";
        }
        return "text";
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Reads a nullable uuid column. */
    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    /** Reads a nullable timestamptz column. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
