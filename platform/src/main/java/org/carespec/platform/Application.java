package org.carespec.platform;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.carespec.platform.boot.CarespecHome;
import org.carespec.platform.boot.DatabaseBootstrap;
import org.carespec.platform.boot.RunConfiguration;
import org.carespec.platform.web.ApiVersion;

@OpenAPIDefinition(
        info = @Info(title = "Carespec API", version = ApiVersion.DOCUMENT,
                description = """
                        Commissioned care services: tenants, contracts, case work and quarterly returns.

                        Sign in with `POST /login` and send the `access_token` as `Authorization: Bearer …`. \
                        Every error is `application/problem+json`; a 400 names each field in `errors`. \
                        Every list answers `{items, page, size, total}` and takes `page` (from 0) and `size` \
                        (1 to 200, 50 by default). An answer leaves out a field that has no value: the fields listed \
                        in `required` are always there, the others only when they have one. A request may leave out \
                        any field not in `required`. Creating requests take an optional `Idempotency-Key` header: \
                        a retry with the same key and body answers as the first did. Any route can also answer 405, \
                        406, 411, 413 (a body over 1 MiB; 10 MiB for evidence files), 415, 429, 500 and 503, \
                        always as problem+json.""",
                license = @License(name = "Proprietary", url = "https://carespec.org.uk/terms")),
        servers = @Server(url = "/", description = "The instance that serves this document"),
        tags = {
            @Tag(name = "identity", description = "Signing in and out, the signed-in user, user accounts."),
            @Tag(name = "tenancy", description = "Tenants, their settings and the organisations in them."),
            @Tag(name = "contracts", description = "Contracts between a commissioner and a provider."),
            @Tag(name = "modules", description = "Installed service specifications and their declarations."),
            @Tag(name = "people", description = "People a provider supports, and their relationships."),
            @Tag(name = "referrals", description = "Referrals, their events and clocks: a provider's caseload."),
            @Tag(name = "records", description = "Activities, forms, plans, outcomes, feedback and group sessions."),
            @Tag(name = "safeguarding", description = "Safeguarding concerns raised in case work."),
            @Tag(name = "returns", description = "Quarterly performance returns, KPIs and their approval."),
            @Tag(name = "obligations", description = "A contract's scheduled obligations and their evidence."),
            @Tag(name = "alerts", description = "Deadlines coming up or passed for the caller."),
            @Tag(name = "workforce", description = "Workers, their training and DBS checks."),
            @Tag(name = "audit", description = "The tamper-evident audit trail.")
        },
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "The access_token from POST /login (15 minutes).")
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
