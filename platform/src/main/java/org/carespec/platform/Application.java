package org.carespec.platform;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.carespec.platform.boot.CarespecHome;
import org.carespec.platform.boot.DatabaseBootstrap;
import org.carespec.platform.boot.RunConfiguration;

@OpenAPIDefinition(
        info = @Info(title = "Carespec", version = "1",
                description = "Commissioned care services: tenants, contracts, case work and quarterly returns."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
/**
 * Starts Carespec: chooses the database (DATABASE_URL, else embedded PostgreSQL in the data directory), then the
 * Micronaut application with every plugin on the class path. Ctrl-C stops the application, then the database.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        Path home = CarespecHome.from(env);
        DatabaseBootstrap.Prepared database = DatabaseBootstrap.prepare(env, home);
        Map<String, Object> properties = new LinkedHashMap<>(RunConfiguration.properties(env, home));
        properties.putAll(database.target().micronautProperties());
        // Registered before the start, so the embedded PostgreSQL is stopped however the JVM ends: Ctrl-C, or a
        // start that fails (Micronaut logs the cause and exits). Micronaut's own hook stops the server and the
        // context; this one waits for that, so the database outlives every connection the application holds.
        AtomicReference<ApplicationContext> started = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ApplicationContext context = started.get();
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (context != null && context.isRunning() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            database.close();
        }, "carespec-database-shutdown"));
        started.set(Micronaut.build(args).mainClass(Application.class).banner(false).properties(properties).start());
    }
}
