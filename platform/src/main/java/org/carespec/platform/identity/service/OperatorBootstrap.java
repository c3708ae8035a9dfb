package org.carespec.platform.identity.service;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.carespec.platform.database.Ids;
import org.carespec.platform.database.Sql;
import org.carespec.platform.identity.domain.UserAccount;
import org.carespec.platform.identity.repository.UserAccountRepository;
import org.carespec.platform.tenancy.Caller;
import org.carespec.platform.tenancy.CallerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the first operator exists, from {@code CARESPEC_OPERATOR_EMAIL} and {@code CARESPEC_OPERATOR_PASSWORD}.
 * On a demo run without them, the operator is {@code operator@carespec.demo} with the demo password. An existing
 * account keeps its password: configuration creates an operator, it never resets one.
 */
@Singleton
@Order(10)
public class OperatorBootstrap implements ApplicationEventListener<StartupEvent> {

    public static final String DEMO_OPERATOR = "operator@carespec.demo";
    private static final Logger LOG = LoggerFactory.getLogger(OperatorBootstrap.class);

    private final CallerContext callers;
    private final LoginDirectory directory;
    private final UserAccountRepository accounts;
    private final PasswordHasher hasher;
    private final Sql sql;
    private final String email;
    private final String password;

    public OperatorBootstrap(CallerContext callers, LoginDirectory directory, UserAccountRepository accounts,
                             PasswordHasher hasher, Sql sql,
                             @Nullable @Value("${carespec.operator.email}") String email,
                             @Nullable @Value("${carespec.operator.password}") String password,
                             @Value("${carespec.demo.enabled:false}") boolean demo,
                             @Nullable @Value("${carespec.demo.password}") String demoPassword) {
        this.callers = callers;
        this.directory = directory;
        this.accounts = accounts;
        this.hasher = hasher;
        this.sql = sql;
        boolean configured = email != null && !email.isBlank();
        this.email = configured ? email.trim().toLowerCase(Locale.ROOT) : demo ? DEMO_OPERATOR : null;
        this.password = configured ? password : demo ? demoPassword : null;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (email == null) {
            LOG.info("No operator configured (CARESPEC_OPERATOR_EMAIL); existing operators can still sign in");
            return;
        }
        callers.runAs(Caller.system("operator-bootstrap"), this::ensureOperator);
    }

    @Transactional
    void ensureOperator() {
        Optional<UUID> existing = directory.accountIdByEmail(email);
        if (existing.isPresent()) {
            int changed = sql.update("update user_account set operator = true where id = ? and not operator",
                    List.of(existing.get()));
            if (changed > 0) {
                LOG.info("Account {} is now an operator", existing.get());
            }
            return;
        }
        if (password == null) {
            throw new IllegalStateException("CARESPEC_OPERATOR_PASSWORD must be set with CARESPEC_OPERATOR_EMAIL");
        }
        PasswordPolicy.refusal(password, email).ifPresent(reason -> {
            throw new IllegalStateException("CARESPEC_OPERATOR_PASSWORD " + reason);
        });
        UUID id = Ids.newId();
        accounts.save(new UserAccount(id, email, "Platform operator", hasher.hash(password), true, 0, null, null));
        LOG.info("Operator account {} created", id);
    }
}
