package org.carespec.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.ApiResponse;
import org.carespec.platform.test.Browser;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's standing token cases, in one place: every way a caller might present something other than a live access
 * token of its own, each refused. Tokens are made here with the suite's signing key where the case needs a correctly
 * signed token (an expired one, one not yet valid) and with another key or none where it does not.
 */
@MicronautTest(transactional = false)
class TokenCasesTest extends IntegrationTest {

    private static final String SECRET = "test-only-jwt-secret-0123456789-abcdefghijklmnopqrstuvwxyz";

    @Inject
    EmbeddedServer server;

    Api api;
    TestTenant t;
    String access;
    String refresh;
    JWTClaimsSet claims;

    @BeforeAll
    void signedIn() throws ParseException {
        api = new Api(server);
        t = TestTenant.create(api);
        ApiResponse login = api.post("/login", null, Map.of("username", t.email(Role.PROVIDER_MANAGER),
                "password", PASSWORD)).expect(200);
        access = login.text("/access_token");
        refresh = login.text("/refresh_token");
        claims = SignedJWT.parse(access).getJWTClaimsSet();
    }

    private int me(String authorization) {
        Map<String, String> headers = authorization == null ? Map.of() : Map.of("Authorization", authorization);
        ApiResponse response = api.send("GET", "/api/v1/me", null, null, headers);
        if (response.status() < 500) {
            assertTrue(response.isProblem() || response.status() == 200, response.contentType());
        }
        return response.status();
    }

    private static String sign(JWTClaimsSet claims, JWSAlgorithm algorithm, String secret) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private String ours(UnaryOperator<JWTClaimsSet.Builder> edit) throws JOSEException {
        return sign(edit.apply(new JWTClaimsSet.Builder(claims)).build(), JWSAlgorithm.HS256, SECRET);
    }

    private ApiResponse refreshWith(String token) {
        return api.send("POST", "/oauth/access_token", null, "grant_type=refresh_token&refresh_token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }

    @Test
    void theLiveTokenItselfIsAccepted() {
        assertEquals(200, me("Bearer " + access), "the control: without it every refusal below proves nothing");
    }

    @Test
    void noTokenAnEmptyOneAndOtherSchemesAreRefused() {
        assertEquals(401, me(null), "none");
        assertEquals(401, me("Bearer "), "empty");
        assertEquals(401, me("Bearer not.a.token"), "malformed");
        assertEquals(401, me("Bearer " + access.replace(".", "")), "no dots");
        assertEquals(401, me("Basic " + Base64.getEncoder().encodeToString((t.email(Role.PROVIDER_MANAGER) + ":"
                + PASSWORD).getBytes(StandardCharsets.UTF_8))), "a password as Basic authentication");
    }

    @Test
    void aTokenNotSignedWithOurKeyIsRefused() throws Exception {
        assertEquals(401, me("Bearer " + sign(claims, JWSAlgorithm.HS256,
                "another-secret-of-the-same-length-0123456789-abcdefghijkl")), "another key");
        assertEquals(401, me("Bearer " + sign(claims, JWSAlgorithm.HS512, SECRET + SECRET)),
                "another algorithm");
        String[] parts = access.split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}"
                .getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
        assertEquals(401, me("Bearer " + none), "alg none");
        String raised = Base64.getUrlEncoder().withoutPadding().encodeToString(new JWTClaimsSet.Builder(claims)
                .claim("roles", List.of("TENANT_ADMIN", "OPERATOR")).build().toString()
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(401, me("Bearer " + parts[0] + "." + raised + "." + parts[2]), "claims edited, signature kept");
        assertEquals(401, me("Bearer " + parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse()),
                "signature edited");
    }

    @Test
    void aTokenOutsideItsLifetimeIsRefused() throws Exception {
        Instant now = Instant.now();
        assertEquals(401, me("Bearer " + ours(b -> b.issueTime(Date.from(now.minusSeconds(7200)))
                .expirationTime(Date.from(now.minusSeconds(3600))))), "expired an hour ago");
        assertEquals(401, me("Bearer " + ours(b -> b.notBeforeTime(Date.from(now.plusSeconds(3600)))
                .expirationTime(Date.from(now.plusSeconds(7200))))), "not valid for another hour");
    }

    @Test
    void aRefreshTokenIsNotAnAccessTokenNorTheOtherWayRound() {
        assertEquals(401, me("Bearer " + refresh), "refresh as access");
        assertEquals(400, refreshWith(access).status(), "access as refresh");
        assertEquals(400, refreshWith("garbage").status(), "malformed refresh");
    }

    @Test
    void aRevokedOrAlreadyUsedRefreshTokenIsRefused() {
        String mine = api.post("/login", null, Map.of("username", t.email(Role.PRACTITIONER), "password", PASSWORD))
                .expect(200).text("/refresh_token");
        String next = refreshWith(mine).expect(200).text("/refresh_token");
        assertEquals(400, refreshWith(mine).status(), "reused after rotation");
        assertEquals(400, refreshWith(next).status(), "the reuse ended the chain");

        ApiResponse other = api.post("/login", null, Map.of("username", t.email(Role.PRACTITIONER),
                "password", PASSWORD)).expect(200);
        api.post("/api/v1/auth/logout", other.text("/access_token"), Map.of("refreshToken",
                other.text("/refresh_token"))).expect(204);
        assertEquals(400, refreshWith(other.text("/refresh_token")).status(), "revoked by signing out");
    }

    @Test
    void anOversizedTokenIsRefusedWithoutAFault() {
        assertEquals(401, me("Bearer " + access + "x".repeat(6_000)), "6 kB");
        int huge = me("Bearer " + "x".repeat(40_000));
        assertTrue(huge >= 400 && huge < 500, "40 kB: a client error, not " + huge);
    }

    @Test
    void theWebSessionCookieIsNotAnApiCredential() {
        Browser browser = new Browser(server.getURI());
        assertEquals(303, browser.signIn(t.email(Role.PRACTITIONER), PASSWORD).statusCode());
        Map<String, String> cookies = new LinkedHashMap<>(browser.cookies());
        StringBuilder cookie = new StringBuilder();
        cookies.forEach((k, v) -> cookie.append(cookie.isEmpty() ? "" : "; ").append(k).append('=').append(v));
        ApiResponse response = api.send("GET", "/api/v1/me", null, null, Map.of("Cookie", cookie.toString()));
        assertEquals(401, response.status(), "the API is bearer-only");
    }
}
