package org.carespec.platform.web;

/**
 * The version of the API that the OpenAPI document describes. The major version is the one in the paths
 * ({@code /api/v1}); the minor grows when operations or fields are added, the patch when the document alone is
 * corrected. A change that breaks a generated client needs a new major version and new paths.
 */
public final class ApiVersion {

    public static final String MAJOR = "1";
    public static final String DOCUMENT = MAJOR + ".2.0";
    public static final String PATH_PREFIX = "/api/v" + MAJOR;

    private ApiVersion() {
    }
}
