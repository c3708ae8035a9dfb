package org.carespec.platform.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;

/**
 * The address a request came from, as sign-in throttling counts it. Directly connected, it is the connection's
 * peer. Behind a load balancer or reverse proxy, set {@code carespec.security.client-address-header} (usually
 * {@code X-Forwarded-For}): the last address in it is the one our own proxy saw, which a client cannot forge (anything
 * a client writes in the header comes before it). Never set it without a proxy in front: the header would then be
 * the client's to choose.
 */
@Singleton
public class ClientAddress {

    private final String header;

    public ClientAddress(@Value("${carespec.security.client-address-header:}") @Nullable String header) {
        this.header = header == null || header.isBlank() ? null : header.trim();
    }

    public String of(HttpRequest<?> request) {
        if (header != null) {
            String forwarded = request.getHeaders().get(header);
            if (forwarded != null && !forwarded.isBlank()) {
                String[] hops = forwarded.split(",");
                String last = hops[hops.length - 1].trim();
                if (!last.isEmpty() && last.length() <= 100) {
                    return last;
                }
            }
        }
        InetSocketAddress peer = request.getRemoteAddress();
        return peer.getAddress() == null ? peer.getHostString() : peer.getAddress().getHostAddress();
    }
}
