package org.carespec.platform.tenancy;

import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.carespec.platform.errors.NoTenantException;
import org.carespec.plugin.api.Role;

/**
 * Finds the current {@link Caller}: an explicit scope opened with {@link #callAs}, else the signed-in user of the
 * current HTTP request as the verified token describes them. The tenant never comes from a header or a body.
 * Nothing is kept in a ThreadLocal of ours: both sources travel in Micronaut's propagated context.
 */
@Singleton
public class CallerContext {

    static final String TENANT = "tenant";
    static final String ORGANISATION = "org";

    public Optional<Caller> current() {
        Optional<Caller> scoped = PropagatedContext.find().flatMap(ctx -> ctx.find(CallerScope.class))
                .map(CallerScope::caller);
        if (scoped.isPresent()) {
            return scoped;
        }
        return ServerRequestContext.currentRequest().flatMap(CallerContext::fromRequest);
    }

    /** The caller, or {@link NoTenantException} when nobody is signed in. */
    public Caller require() {
        return current().orElseThrow(NoTenantException::new);
    }

    /** Runs work as the given caller; database connections taken inside are set up for that caller. */
    public <T> T callAs(Caller caller, Supplier<T> work) {
        try (PropagatedContext.Scope ignored = PropagatedContext.getOrEmpty().plus(new CallerScope(caller))
                .propagate()) {
            return work.get();
        }
    }

    public void runAs(Caller caller, Runnable work) {
        callAs(caller, () -> {
            work.run();
            return null;
        });
    }

    static Optional<Caller> fromRequest(HttpRequest<?> request) {
        return request.getUserPrincipal(Authentication.class).map(auth -> {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String role : auth.getRoles()) {
                try {
                    roles.add(Role.valueOf(role));
                } catch (IllegalArgumentException ignored) {
                    // a role this platform does not know grants nothing
                }
            }
            UUID user = uuid(auth.getName());
            String requestId = request.getAttribute(RequestIds.ATTRIBUTE, String.class).orElse(null);
            return new Caller(auth.getName(), user, uuid(auth.getAttributes().get(TENANT)),
                    uuid(auth.getAttributes().get(ORGANISATION)), roles, requestId);
        });
    }

    private static UUID uuid(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
