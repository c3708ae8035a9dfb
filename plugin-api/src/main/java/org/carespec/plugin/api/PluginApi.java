package org.carespec.plugin.api;

/**
 * The version of this contract. A plugin states the range it needs in its descriptor
 * ({@code "[1.0,2.0)"}); the platform refuses plugins whose range does not contain this version.
 *
 * <p>Minor versions only add {@code default} methods and new record types; a major version may break.
 */
public final class PluginApi {

    /** The running plugin-api version. */
    public static Version version() {
        return Version.parse("1.0.0");
    }

    private PluginApi() {
    }
}
