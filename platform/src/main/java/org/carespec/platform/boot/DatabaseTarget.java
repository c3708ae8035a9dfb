package org.carespec.platform.boot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The PostgreSQL database the platform runs against, and the three logins it uses there: the owner, who runs
 * migrations and owns every table; the application role, which owns nothing and cannot bypass row-level security
 * (everything after start-up runs as it); and the reporting role, which can read the {@code reporting} views and
 * nothing else, for modules' KPI queries ({@link ReportingRole}).
 *
 * @param description where the data lives, in words, for the start-up banner
 */
public record DatabaseTarget(String jdbcUrl, Credentials owner, Credentials application, Credentials reporting,
                             String description) {

    public DatabaseTarget {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(reporting, "reporting");
    }

    /** The Micronaut properties that point the application's data source and the migration runner here. */
    public Map<String, Object> micronautProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        // stringtype=unspecified: text parameters are typed by PostgreSQL, so a tenant id bound as text meets a
        // uuid column (Micronaut Data binds the @TenantId discriminator as text).
        properties.put("datasources.default.url", withParameter(jdbcUrl, "stringtype=unspecified"));
        properties.put("datasources.default.username", application.user());
        properties.put("datasources.default.password", application.password());
        properties.put("carespec.database.reporting.username", reporting.user());
        properties.put("carespec.database.reporting.password", reporting.password());
        properties.put("carespec.database.owner.url", jdbcUrl);
        properties.put("carespec.database.owner.username", owner.user());
        properties.put("carespec.database.owner.password", owner.password());
        properties.put("carespec.database.description", description);
        return properties;
    }

    static String withParameter(String url, String parameter) {
        if (url.contains(parameter.substring(0, parameter.indexOf('=') + 1))) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + parameter;
    }
}
