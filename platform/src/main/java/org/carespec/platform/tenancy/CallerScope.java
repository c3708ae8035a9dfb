package org.carespec.platform.tenancy;

import io.micronaut.core.propagation.PropagatedContextElement;

/** Carries an explicit {@link Caller} in Micronaut's propagated context (background jobs, tenant switches). */
record CallerScope(Caller caller) implements PropagatedContextElement {
}
