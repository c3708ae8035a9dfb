package org.carespec.platform.errors;

/** Tenant data was asked for outside any tenant; answered 403 (an operator token) and never returns data. */
public class NoTenantException extends RuntimeException {

    public NoTenantException() {
        super("this needs a tenant: sign in to a tenant first");
    }
}
