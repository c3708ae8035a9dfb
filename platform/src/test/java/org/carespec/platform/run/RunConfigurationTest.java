package org.carespec.platform.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import org.carespec.platform.boot.CarespecHome;
import org.carespec.platform.boot.RunConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the environment variables of the README become the application's configuration. */
class RunConfigurationTest {

    @TempDir
    Path home;

    @Test
    void secretsNotGivenAreGeneratedOnceKeptPrivateAndReusedByTheNextRun() throws Exception {
        Map<String, Object> first = RunConfiguration.properties(Map.of(), home);
        Map<String, Object> second = RunConfiguration.properties(Map.of(), home);
        assertEquals(first.get("carespec.jwt.secret"), second.get("carespec.jwt.secret"));
        assertEquals(first.get("carespec.audit.key"), second.get("carespec.audit.key"));
        assertEquals(first.get("carespec.demo.password"), second.get("carespec.demo.password"));
        assertTrue(first.get("carespec.jwt.secret").toString().length() >= 32);
        assertNotEquals(first.get("carespec.jwt.secret"), first.get("carespec.audit.key"));
        assertEquals(java.util.Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(home.resolve("secrets.properties")));
    }

    @Test
    void theEnvironmentWinsOverGeneratedSecrets() {
        Map<String, Object> properties = RunConfiguration.properties(Map.of("CARESPEC_JWT_SECRET", "from-the-env",
                "CARESPEC_DEMO_PASSWORD", "demo from env", "CARESPEC_OPERATOR_EMAIL", "ops@nhs.example"), home);
        assertEquals("from-the-env", properties.get("carespec.jwt.secret"));
        assertEquals("demo from env", properties.get("carespec.demo.password"));
        assertEquals("ops@nhs.example", properties.get("carespec.operator.email"));
    }

    @Test
    void carespecDemoFalseTurnsTheDemoOffAndGeneratesNoDemoPassword() {
        Map<String, Object> properties = RunConfiguration.properties(Map.of("CARESPEC_DEMO", "false"), home);
        assertEquals(false, properties.get("carespec.demo.enabled"));
        assertFalse(properties.containsKey("carespec.demo.password"));
        assertEquals(true, RunConfiguration.properties(Map.of(), home).get("carespec.demo.enabled"));
    }

    @Test
    void theDataDirectoryComesFromCarespecDataDirElseTheHomeFolder() {
        assertEquals(Path.of("/srv/carespec"), CarespecHome.from(Map.of("CARESPEC_DATA_DIR", "/srv/carespec")));
        assertEquals(Path.of(System.getProperty("user.home"), ".carespec"), CarespecHome.from(Map.of()));
    }
}
