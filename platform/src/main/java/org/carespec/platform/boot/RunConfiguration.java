package org.carespec.platform.boot;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the environment variables documented in the README into Micronaut properties, generating for a local run
 * the secrets it was not given.
 */
public final class RunConfiguration {

    private RunConfiguration() {
    }

    public static Map<String, Object> properties(Map<String, String> env, Path home) {
        LocalSecrets secrets = LocalSecrets.in(home);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("carespec.home", home.toString());
        properties.put("carespec.secrets-file", secrets.file().toString());
        properties.put("carespec.jwt.secret", secrets.get("jwt-secret", env.get("CARESPEC_JWT_SECRET"), 48));
        properties.put("carespec.audit.key", secrets.get("audit-key", env.get("CARESPEC_AUDIT_KEY"), 48));
        properties.put("carespec.encryption.key", secrets.get("encryption-key", env.get("CARESPEC_ENCRYPTION_KEY"), 32));
        boolean demo = !"false".equalsIgnoreCase(env.getOrDefault("CARESPEC_DEMO", "true").trim());
        properties.put("carespec.demo.enabled", demo);
        if (demo) {
            properties.put("carespec.demo.password", secrets.get("demo-password", env.get("CARESPEC_DEMO_PASSWORD"), 12));
        }
        // The run command serves plain HTTP on this machine: a browser at http://localhost may hold the session cookie
        // without Secure. Only requests to localhost are let off; any other host name always gets Secure cookies.
        properties.put("carespec.web.insecure-localhost-cookies",
                !"false".equalsIgnoreCase(env.getOrDefault("CARESPEC_LOCALHOST_HTTP", "true").trim()));
        putIfSet(properties, "carespec.operator.email", env.get("CARESPEC_OPERATOR_EMAIL"));
        putIfSet(properties, "carespec.operator.password", env.get("CARESPEC_OPERATOR_PASSWORD"));
        secrets.save();
        return properties;
    }

    private static void putIfSet(Map<String, Object> properties, String name, String value) {
        if (value != null && !value.isBlank()) {
            properties.put(name, value);
        }
    }
}
