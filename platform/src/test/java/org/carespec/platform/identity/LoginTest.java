package org.carespec.platform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.ApiResponse;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestDatabase;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class LoginTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    Api api;
    TestTenant t;

    @BeforeAll
    void tenant() {
        api = new Api(server);
        t = TestTenant.create(api);
    }

    @Test
    void twoSignInsInTheSameSecondGetTwoTokens() {
        // each access token has its own jti, so two sign-ins never share one token (nor its API rate limit)
        String first = api.login(t.email(Role.PRACTITIONER), PASSWORD, t.slug);
        String second = api.login(t.email(Role.PRACTITIONER), PASSWORD, t.slug);
        assertNotEquals(first, second);
        String claims = new String(java.util.Base64.getUrlDecoder().decode(second.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"jti\""), claims);
    }

    @Test
    void signingInGivesABearerTokenResponseWhoseJwtSaysWhoWhereAndWhat() throws Exception {
        ApiResponse response = api.post("/login", null,
                Map.of("username", t.email(Role.PRACTITIONER), "password", PASSWORD)).expect(200);
        JsonNode body = response.json();
        assertEquals("Bearer", body.path("token_type").asText());
        assertTrue(body.path("expires_in").asInt() > 0 && body.path("expires_in").asInt() <= 900);
        assertFalse(body.path("refresh_token").asText().isEmpty());
        assertEquals("no-store", response.headers().get("cache-control"));
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder()
                .decode(body.path("access_token").asText().split("\\.")[1]));
        assertEquals(t.userIds.get(Role.PRACTITIONER), claims.path("sub").asText());
        assertEquals(t.id, claims.path("tenant").asText());
        assertEquals(t.slug, claims.path("tenantSlug").asText());
        assertEquals(t.provider, claims.path("org").asText());
        assertEquals("PRACTITIONER", claims.path("roles").get(0).asText());
        assertTrue(claims.path("exp").asLong() - claims.path("iat").asLong() <= 900);
    }

    @Test
    void aWrongPasswordAndAnUnknownAccountGetTheSameAnswer() {
        ApiResponse wrong = api.post("/login", null, Map.of("username", t.email(Role.PROVIDER_MANAGER),
                "password", "not the password at all"));
        ApiResponse unknown = api.post("/login", null, Map.of("username", "nobody@" + t.slug + ".test",
                "password", "not the password at all"));
        assertEquals(401, wrong.status());
        assertEquals(401, unknown.status());
        assertEquals(wrong.json().path("detail"), unknown.json().path("detail"));
        assertTrue(wrong.isProblem());
    }

    /**
     * Issue 17, finding 2: another tenant adding an address that already has an account invites the person; they join
     * by signing in to that tenant, never by the other tenant's act. Until then their sign-in is as it was; after,
     * they name the tenant; the other tenant's password and name are not theirs.
     */
    @Test
    void anAccountAddedByAnotherTenantIsInvitedAndJoinsBySigningInToIt() {
        TestTenant other = TestTenant.create(api);
        String email = "two-tenants@" + t.slug + ".test";
        newPractitioner(email);
        api.login(email, PASSWORD, null); // the person has joined this tenant
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("email", email);
        user.put("displayName", "Shared practitioner");
        user.put("password", "a different password for the other tenant");
        user.put("organisationId", other.provider);
        user.put("roles", List.of("PRACTITIONER"));
        ApiResponse added = api.post("/api/v1/users", other.token(Role.TENANT_ADMIN), user).expect(201);
        assertTrue(added.json().path("invited").asBoolean());

        // not joined yet: signing in without a tenant is as before, to the tenant the person chose
        String home = api.login(email, PASSWORD, null);
        assertEquals(t.id, api.get("/api/v1/me", home).text("/tenantId"));

        String inOther = api.login(email, PASSWORD, other.slug); // the person's own act: joining
        assertEquals(other.id, api.get("/api/v1/me", inOther).text("/tenantId"));
        assertEquals(other.provider, api.get("/api/v1/me", inOther).text("/organisationId"));
        assertFalse(api.get("/api/v1/users/" + added.id(), other.token(Role.TENANT_ADMIN)).json().path("invited")
                .asBoolean());

        ApiResponse ambiguous = api.post("/login", null, Map.of("username", email, "password", PASSWORD));
        assertEquals(400, ambiguous.status(), "now in two tenants, the person names one");
        assertEquals(List.of("tenant"), ambiguous.problemFields());
        assertEquals(401, api.post("/login", null, Map.of("username", email,
                "password", "a different password for the other tenant", "tenant", other.slug)).status(),
                "adding an existing account to a tenant must not change its password");
    }

    @Test
    void aRefreshTokenGivesANewAccessTokenUntilItIsRevoked() {
        ApiResponse login = api.post("/login", null, Map.of("username", t.email(Role.PROVIDER_MANAGER),
                "password", PASSWORD)).expect(200);
        String refresh = login.text("/refresh_token");
        ApiResponse refreshed = refresh(refresh).expect(200);
        String newAccess = refreshed.text("/access_token");
        assertEquals(t.userIds.get(Role.PROVIDER_MANAGER),
        api.get("/api/v1/me", newAccess).expect(200).text("/userId"));

        api.post("/api/v1/auth/logout", newAccess, Map.of("refreshToken", refresh)).expect(204);
        assertNotEquals(200, refresh(refresh).status());
    }

    /**
     * Issue 17, finding 7: each refresh gives a new refresh token and retires the one presented; presenting a retired
     * one again (a stolen copy, or the thief's own replay) ends the whole chain, the legitimate holder's newest token
     * included. Tokens are never cached on the way.
     */
    @Test
    void eachRefreshRotatesTheTokenAndReusingARetiredOneEndsTheChain() {
        ApiResponse login = api.post("/login", null, Map.of("username", t.email(Role.PRACTITIONER),
                "password", PASSWORD)).expect(200);
        assertEquals("no-store", login.headers().get("cache-control"));
        String first = login.text("/refresh_token");
        ApiResponse once = refresh(first).expect(200);
        assertEquals("no-store", once.headers().get("cache-control"));
        String second = once.text("/refresh_token");
        assertNotEquals(first, second, "a refresh hands out a new refresh token");
        ApiResponse latest = refresh(second).expect(200);
        String newest = latest.text("/refresh_token");
        assertEquals(t.userIds.get(Role.PRACTITIONER), api.get("/api/v1/me", latest.text("/access_token"))
                .expect(200).text("/userId"));

        ApiResponse replay = refresh(first);
        assertEquals(400, replay.status(), "a retired refresh token is refused: " + replay.body());
        assertNotEquals(200, refresh(newest).status(), "the chain is ended: its newest token is refused too");

        // another sign-in of the same account is its own chain and is untouched
        String other = api.post("/login", null, Map.of("username", t.email(Role.PRACTITIONER),
                "password", PASSWORD)).expect(200).text("/refresh_token");
        refresh(other).expect(200);
    }

    @Test
    void revokingAUsersSessionsStopsTheirRefreshTokens() {
        String refresh = api.post("/login", null, Map.of("username", t.email(Role.VOLUNTEER),
                "password", PASSWORD)).expect(200).text("/refresh_token");
        ApiResponse revoked = api.post("/api/v1/users/" + t.userIds.get(Role.VOLUNTEER) + "/revoke-sessions",
                t.token(Role.TENANT_ADMIN), null).expect(200);
        assertTrue(revoked.json().path("revoked").asInt() >= 1);
        assertNotEquals(200, refresh(refresh).status());
    }

    @Test
    void refreshTokensAndPasswordsAreStoredOnlyAsHashes() throws Exception {
        ApiResponse login = api.post("/login", null, Map.of("username", t.email(Role.COMMISSIONER),
                "password", PASSWORD)).expect(200);
        String refresh = login.text("/refresh_token");
        try (Connection c = TestDatabase.ownerConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select token_hash from refresh_token")) {
                while (rs.next()) {
                    assertFalse(refresh.contains(rs.getString(1)));
                    assertEquals(64, rs.getString(1).length(), "a SHA-256 in hex");
                }
            }
            try (ResultSet rs = s.executeQuery("select password_hash from user_account where email = '"
                    + t.email(Role.COMMISSIONER) + "'")) {
                assertTrue(rs.next());
                assertTrue(rs.getString(1).startsWith("$argon2id$"), rs.getString(1));
                assertFalse(rs.getString(1).contains(PASSWORD));
            }
        }
    }

    @Test
    void aWeakPasswordIsRefusedNamingTheField() {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("email", "weak@" + t.slug + ".test");
        user.put("displayName", "Weak");
        user.put("password", "short");
        user.put("organisationId", t.provider);
        user.put("roles", List.of("PRACTITIONER"));
        ApiResponse refused = api.post("/api/v1/users", t.token(Role.TENANT_ADMIN), user);
        assertEquals(400, refused.status());
        assertEquals(List.of("password"), refused.problemFields());
    }

    private ApiResponse refresh(String refreshToken) {
        String form = "grant_type=refresh_token&refresh_token=" + URLEncoder.encode(refreshToken,
        StandardCharsets.UTF_8);
        return api.send("POST", "/oauth/access_token", null, form,
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }

    private String newPractitioner(String email) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("email", email);
        user.put("displayName", "Practitioner");
        user.put("password", PASSWORD);
        user.put("organisationId", t.provider);
        user.put("roles", List.of("PRACTITIONER"));
        return api.post("/api/v1/users", t.token(Role.TENANT_ADMIN), user).expect(201).id();
    }
}
