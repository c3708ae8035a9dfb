package org.carespec.platform.database;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.carespec.platform.boot.ApplicationRole;
import org.carespec.platform.boot.DatabaseTarget;
import org.carespec.platform.boot.ReportingRole;
import org.carespec.platform.crypto.FieldCipher;
import org.carespec.platform.crypto.FieldCipher.FieldContext;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A database made by the previous release (platform migrations up to V17, plugin contract 1) is upgraded by this
 * one: its form submissions become records with the same ids, their encrypted fields still open with the key and the
 * field name the record says they were sealed under, and the reporting layer reads them as records.
 */
@MicronautTest(transactional = false)
class UpgradeFromPreviousReleaseTest extends IntegrationTest {

    /** The last platform migration of the release before plugin contract 2. */
    static final String PREVIOUS_RELEASE = "17";

    @Inject
    FieldCipher cipher;

    @Test
    void formSubmissionsOfThePreviousReleaseBecomeRecordsThatStillDecrypt() throws SQLException {
        DatabaseTarget db = TestDatabase.get();
        String name = "carespec_upgrade_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = db.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        try (Connection admin = databaseCreator(db); Statement s = admin.createStatement()) {
            s.execute("create database " + name + " owner " + ApplicationRole.quoteIdentifier(db.owner().user()));
            try {
                upgradeAndCheck(db, url);
            } finally {
                s.execute("drop database if exists " + name);
            }
        }
    }

    private void upgradeAndCheck(DatabaseTarget db, String url) throws SQLException {
        flyway(db, url, PREVIOUS_RELEASE).migrate();
        UUID tenant = UUID.randomUUID();
        UUID commissioner = UUID.randomUUID();
        UUID provider = UUID.randomUUID();
        UUID contract = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        UUID referral = UUID.randomUUID();
        UUID submission = UUID.randomUUID();
        byte[] sealed = cipher.encrypt("{\"risk\":{\"level\":\"HIGH\"}}",
                FieldContext.of(tenant, "form_submission.data", submission));
        try (Connection c = DriverManager.getConnection(url, db.owner().user(), db.owner().password())) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("select set_config('app.tenant_id', '" + tenant + "', true),"
                        + " set_config('app.operator', 'true', true)");
                s.execute("insert into tenant (id, slug, name, nation) values ('" + tenant + "', 'upgraded',"
                        + " 'Upgraded', 'ENGLAND_AND_WALES')");
                s.execute("insert into organisation (tenant_id, id, name, kind) values ('" + tenant + "', '"
                        + commissioner + "', 'Council', 'COMMISSIONER'), ('" + tenant + "', '" + provider
                        + "', 'Charity', 'PROVIDER')");
                s.execute("insert into contract (tenant_id, id, module_id, reference, title, commissioner_id,"
                        + " provider_id, start_date, end_date, annual_value_pence, basis) values ('" + tenant + "', '"
                        + contract + "', 'carers-options', 'REF/1', 'Carers', '" + commissioner + "', '" + provider
                        + "', '2026-04-01', '2029-03-31', 100, 'BLOCK')");
                s.execute("insert into person (tenant_id, id, provider_id, given_name, family_name) values ('"
                        + tenant + "', '" + person + "', '" + provider + "', 'Carys', 'Carer')");
                s.execute("insert into referral (tenant_id, id, contract_id, provider_id, person_id, received_at,"
                        + " received_on, source, status, priority, eligible) values ('" + tenant + "', '" + referral
                        + "', '" + contract + "', '" + provider + "', '" + person + "', '2026-05-04T10:00:00Z',"
                        + " '2026-05-04', 'GP', 'ACCEPTED', 'ROUTINE', true)");
            }
            try (PreparedStatement p = c.prepareStatement("insert into form_submission (tenant_id, id, contract_id,"
                    + " person_id, referral_id, form_code, form_version, data, sensitive_enc, submitted_on,"
                    + " submitted_by) values (?, ?, ?, ?, ?, 'assessment', 1, '{\"complete\": true}', ?,"
                    + " '2026-05-12', 'worker@upgraded.test')")) {
                p.setObject(1, tenant);
                p.setObject(2, submission);
                p.setObject(3, contract);
                p.setObject(4, person);
                p.setObject(5, referral);
                p.setBytes(6, sealed);
                p.executeUpdate();
            }
            c.commit();
        }

        assertEquals(12, flyway(db, url, null).migrate().migrationsExecuted, "this release adds V18 to V29");

        try (Connection c = DriverManager.getConnection(url, db.owner().user(), db.owner().password());
             Statement s = c.createStatement()) {
            s.execute("select set_config('app.tenant_id', '" + tenant + "', false)");
            ResultSet r = s.executeQuery("select * from record where id = '" + submission + "'");
            assertTrue(r.next(), "the form submission is a record");
            assertEquals("assessment", r.getString("type_code"));
            assertEquals(1, r.getInt("type_version"));
            assertEquals(provider, r.getObject("provider_id"));
            assertEquals(person, r.getObject("person_id"));
            assertEquals(referral, r.getObject("referral_id"));
            assertEquals("2026-05-12", r.getString("recorded_on"));
            assertEquals("worker@upgraded.test", r.getString("recorded_by"));
            assertEquals(Map.of("complete", true), org.carespec.platform.json.Json.toMap(r.getString("data")));
            assertArrayEquals(sealed, r.getBytes("sensitive_enc"));
            assertEquals("{\"risk\":{\"level\":\"HIGH\"}}", cipher.decrypt(r.getBytes("sensitive_enc"),
                    FieldContext.of(tenant, r.getString("sealed_as"), submission)));
            ResultSet verdict = s.executeQuery("select seq, reason, eligible, priority from referral_assessment"
                    + " where referral_id = '" + referral + "'");
            assertTrue(verdict.next(), "the referral's verdict on receipt is its first assessment");
            assertEquals(1, verdict.getInt("seq"));
            assertEquals("Received", verdict.getString("reason"));
            assertEquals("ROUTINE", verdict.getString("priority"));
            ResultSet gone = s.executeQuery("select to_regclass('public.form_submission') is null,"
                    + " to_regclass('reporting.record') is not null, to_regclass('reporting.form_submission') is null");
            assertTrue(gone.next());
            assertTrue(gone.getBoolean(1), "form_submission is dropped");
            assertTrue(gone.getBoolean(2), "records are in the reporting layer");
            assertTrue(gone.getBoolean(3));
        }
    }

    /**
     * A login that may create a database: the owner where it may (a Testcontainers or DATABASE_URL server's owner
     * usually can), else the embedded server's own superuser, which trusts local connections.
     */
    private static Connection databaseCreator(DatabaseTarget db) throws SQLException {
        Connection owner = TestDatabase.ownerConnection();
        try (Statement s = owner.createStatement();
             ResultSet may = s.executeQuery("select rolcreatedb or rolsuper from pg_roles where rolname = current_user")) {
            if (may.next() && may.getBoolean(1)) {
                return owner;
            }
        }
        owner.close();
        try {
            return DriverManager.getConnection(db.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/postgres$1"),
                    "postgres", "");
        } catch (SQLException e) {
            assumeTrue(false, "no login here may create a database to upgrade: " + e.getMessage());
            throw e;
        }
    }

    private static Flyway flyway(DatabaseTarget db, String url, String target) {
        String app = db.application().user();
        String reporting = ReportingRole.nameFor(app);
        var configuration = Flyway.configure()
                .dataSource(url, db.owner().user(), db.owner().password())
                .locations("classpath:db/platform").schemas("public").defaultSchema("public")
                .table("flyway_schema_history").baselineOnMigrate(true).baselineVersion("0")
                .placeholders(Map.of("appRole", ApplicationRole.quoteIdentifier(app), "appRoleName", app,
                        "reportingRole", ApplicationRole.quoteIdentifier(reporting), "reportingRoleName", reporting))
                .cleanDisabled(true);
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }
}
