package org.carespec.platform.returns.service;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.carespec.platform.boot.DatabaseStartupException;
import org.carespec.platform.boot.OwnerDatabase;

/**
 * Signs the scope of a KPI session (tenant, contract, expiry) so the reporting views can trust it: the reporting
 * login can set any session setting, but cannot forge the signature, because the key lives in
 * {@code kpi_scope_key}, which only the owner can read (migration V8, where the database's check is written).
 * The key is read once at start-up, as the owner, when the application has started (so after the migrations, which
 * run as the context starts): a missing key stops the start, not the first return.
 */
@Singleton
public class KpiScopeSigner implements ApplicationEventListener<StartupEvent> {

    /** How long a signed scope stays valid: longer than any return takes, short enough to be useless later. */
    static final Duration VALID_FOR = Duration.ofMinutes(10);

    private final OwnerDatabase owner;
    private volatile String key;

    public KpiScopeSigner(OwnerDatabase owner) {
        this.owner = owner;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        key = readKey(owner);
    }

    /** The value of {@code carespec.kpi_scope} for this tenant and contract: {@code tenant|contract|expires|mac}. */
    public String sign(UUID tenant, UUID contract) {
        // The server's own time, not the platform's business clock: PostgreSQL checks it against clock_timestamp().
        long expires = Instant.now().plus(VALID_FOR).getEpochSecond();
        String payload = tenant + "|" + contract + "|" + expires;
        if (key == null) {
            key = readKey(owner);
        }
        return payload + "|" + sha256(key + sha256(key + payload));
    }

    private static String readKey(OwnerDatabase owner) {
        try (Connection c = owner.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select key from kpi_scope_key where id = 1")) {
            if (!rs.next()) {
                throw new DatabaseStartupException("kpi_scope_key has no key: migration V8 did not run");
            }
            return rs.getString(1);
        } catch (SQLException e) {
            throw new DatabaseStartupException("cannot read the KPI scope key as the owner: " + e.getMessage(), e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
