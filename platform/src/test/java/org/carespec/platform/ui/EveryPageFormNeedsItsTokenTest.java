package org.carespec.platform.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.Browser;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.Test;

/**
 * Every form a page posts is refused without the session's CSRF token, found from the routes themselves: a new page
 * that forgets the check fails here without anyone having to list it.
 */
@MicronautTest(transactional = false)
class EveryPageFormNeedsItsTokenTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Router router;

    @Test
    void everyPagePostIsRefusedWithoutTheToken() {
        List<String> posts = new ArrayList<>();
        router.uriRoutes().filter(r -> r.getHttpMethod() == HttpMethod.POST)
                .filter(r -> r.getTargetMethod().getDeclaringType().getPackageName().endsWith(".ui.web"))
                .map(UriRouteInfo::getUriMatchTemplate).map(Object::toString)
                .forEach(template -> posts.add(template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString())));
        assertTrue(posts.size() >= 15, "the page forms: " + posts);
        TestTenant tenant = TestTenant.create(new Api(server));
        Browser browser = new Browser(server.getURI());
        browser.signIn(tenant.email(Role.PRACTITIONER), PASSWORD);
        for (String path : posts) {
            assertEquals(403, browser.postExactly(path, Map.of("csrfToken", "forged")).statusCode(), path);
            assertEquals(403, browser.postExactly(path, Map.of()).statusCode(), path);
        }
    }
}
