package org.carespec.platform.schema;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.carespec.platform.boot.ApplicationRole;
import org.carespec.platform.boot.DatabaseStartupException;
import org.carespec.platform.boot.OwnerDatabase;
import org.carespec.platform.boot.ReportingRole;
import org.carespec.platform.plugin.InstalledPlugin;
import org.carespec.platform.plugin.PluginRegistry;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migrates the database at start-up, as the owner: the platform's migrations first (history table
 * {@code flyway_schema_history}), then each plugin's, sorted by id, into the plugin's own PostgreSQL schema
 * with its own history table {@code flyway_history_<id>}. After each, {@link TenantTableProtector} puts the
 * tenancy rules on what was created. A failed migration stops the boot.
 *
 * <p>micronaut-flyway is not used: its per-datasource runs have no fixed order (STACK-NOTES).
 */
@Context
public class SchemaMigrator {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    public SchemaMigrator(OwnerDatabase owner, PluginRegistry plugins,
                          @Value("${datasources.default.username}") String applicationRole) {
        String reportingRole = ReportingRole.nameFor(applicationRole);
        Map<String, String> placeholders = Map.of("appRole", ApplicationRole.quoteIdentifier(applicationRole),
                "appRoleName", applicationRole, "reportingRole", ApplicationRole.quoteIdentifier(reportingRole),
                "reportingRoleName", reportingRole);
        Flyway platformFlyway = flyway(owner, "classpath:db/platform", "public", "flyway_schema_history", placeholders);
        MigrateResult platform = platformFlyway.migrate();
        LOG.info("Platform schema at version {} ({} migrations applied)", version(platformFlyway),
                platform.migrationsExecuted);
        protect(owner, applicationRole, "public", "the platform");
        for (InstalledPlugin plugin : plugins.all()) {
            if (plugin.migrations().isEmpty()) {
                continue;
            }
            String schema = plugin.databaseSchema();
            String location = plugin.migrations().get();
            Flyway pluginFlyway = flyway(owner, location.startsWith("classpath:") ? location : "classpath:" + location,
                    schema, "flyway_history_" + schema, placeholders);
            MigrateResult result = pluginFlyway.migrate();
            LOG.info("Plugin {} schema at version {} ({} migrations applied)", plugin.id(), version(pluginFlyway),
                    result.migrationsExecuted);
            protect(owner, applicationRole, schema, "plugin '" + plugin.id() + "'");
        }
    }

    private static String version(Flyway flyway) {
        var current = flyway.info().current();
        return current == null || current.getVersion() == null ? "none" : current.getVersion().getVersion();
    }

    private static Flyway flyway(OwnerDatabase owner, String location, String schema, String table,
                                 Map<String, String> placeholders) {
        return Flyway.configure()
                .dataSource(owner.getUrl(), owner.getUsername(), owner.getPassword())
                .locations(location)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .table(table)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .placeholders(placeholders)
                .cleanDisabled(true)
                .load();
    }

    private static void protect(OwnerDatabase owner, String applicationRole, String schema, String who) {
        try (Connection c = owner.connect()) {
            c.setAutoCommit(false);
            new TenantTableProtector(c, applicationRole).protect(schema, who);
            c.commit();
        } catch (SQLException e) {
            throw new DatabaseStartupException("cannot apply the tenancy rules to schema " + schema + ": "
                    + e.getMessage(), e);
        }
    }
}
