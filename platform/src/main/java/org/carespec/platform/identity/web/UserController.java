package org.carespec.platform.identity.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.carespec.platform.identity.service.UserChange;
import org.carespec.platform.identity.service.UserCommand;
import org.carespec.platform.identity.service.UserService;
import org.carespec.platform.identity.service.UserView;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.web.ProblemResponses;
import org.carespec.plugin.api.RoleNames;

/** The people who sign in to this tenant: its administrators for everyone, provider managers for their own. */
@Tag(name = "identity")
@ProblemResponses.SignedIn
@Controller("/api/v1/users")
@Secured({RoleNames.TENANT_ADMIN, RoleNames.PROVIDER_MANAGER})
public class UserController {

    private final UserService users;

    public UserController(UserService users) {
        this.users = users;
    }

    @Operation(operationId = "createUser",
            summary = "Add a person to this tenant (an invitation they take up by signing in)")
    @ProblemResponses.Conflict
    @Status(HttpStatus.CREATED)
    @Post
    public HttpResponse<UserView> create(@Body @Valid UserCommand command) {
        UserView user = users.create(command);
        return HttpResponse.created(user, URI.create("/api/v1/users/" + user.id()));
    }

    @Operation(operationId = "listUsers", summary = "List user accounts")
    @Get
    public Page<UserView> list(@QueryValue @Nullable Integer page, @QueryValue @Nullable Integer size) {
        return users.list(PageRequest.of(page, size));
    }

    @Operation(operationId = "getUser", summary = "Read a user account")
    @ProblemResponses.NotFound
    @Get("/{id}")
    public UserView get(UUID id) {
        return users.get(id);
    }

    @Operation(operationId = "updateUser", summary = "Change a user account")
    @ProblemResponses.NotFound
    @Patch("/{id}")
    public UserView update(UUID id, @Body @Valid UserChange change) {
        return users.update(id, change);
    }

    /** Signs the user out of this tenant everywhere: every refresh token they hold here is revoked. */
    @Operation(operationId = "revokeUserSessions", summary = "Revoke a user's sessions")
    @ProblemResponses.NotFound
    @Post("/{id}/revoke-sessions")
    public RevokedSessions revokeSessions(UUID id) {
        return new RevokedSessions(users.revokeSessions(id));
    }

    @io.micronaut.serde.annotation.Serdeable
    public record RevokedSessions(int revoked) {
    }
}
