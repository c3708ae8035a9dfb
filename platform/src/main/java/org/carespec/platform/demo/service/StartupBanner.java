package org.carespec.platform.demo.service;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import org.carespec.platform.identity.service.OperatorBootstrap;

/** Tells the person who ran Carespec where it is, where its data lives and how to sign in. */
@Singleton
public class StartupBanner implements ApplicationEventListener<ServerStartupEvent> {

    private final String database;
    private final String secretsFile;
    private final boolean demo;
    private final String demoPassword;
    private final String operatorEmail;

    public StartupBanner(@Nullable @Value("${carespec.database.description}") String database,
                         @Nullable @Value("${carespec.secrets-file}") String secretsFile,
                         @Value("${carespec.demo.enabled:false}") boolean demo,
                         @Nullable @Value("${carespec.demo.password}") String demoPassword,
                         @Nullable @Value("${carespec.operator.email}") String operatorEmail) {
        this.database = database;
        this.secretsFile = secretsFile;
        this.demo = demo;
        this.demoPassword = demoPassword;
        this.operatorEmail = operatorEmail;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        String url = "http://localhost:" + event.getSource().getPort();
        PrintStream out = System.out;
        out.println();
        out.println("  Carespec is running at " + url + "   open it in a browser and sign in");
        out.println("    API        " + url + "/api/v1   (sign in: POST " + url + "/login)");
        out.println("    OpenAPI    " + url + "/swagger/carespec-1.yml   browse: " + url + "/swagger-ui/");
        out.println("    Health     " + url + "/health");
        if (database != null) {
            out.println("    Database   " + database);
        }
        if (secretsFile != null) {
            out.println("    Secrets    generated ones, if any, are in " + secretsFile);
        }
        if (demo) {
            out.println("    Demo accounts, password " + demoPassword + ":");
            for (String tenant : new String[] {"dorset", "kirklees"}) {
                out.println("      " + String.join(", ", "admin@" + tenant + ".demo", "commissioner@" + tenant + ".demo",
                        "manager@" + tenant + ".demo", "practitioner@" + tenant + ".demo", "volunteer@" + tenant
                                + ".demo"));
            }
            out.println("      " + (operatorEmail == null ? OperatorBootstrap.DEMO_OPERATOR : operatorEmail)
                    + " (operator)");
        }
        out.println("  Stop with Ctrl-C.");
        out.println();
    }
}
