package io.porpoise.auth;

/** What a plugin decides after a client reply. */
public sealed interface AuthStep permits AuthStep.Accept, AuthStep.Reject, AuthStep.MoreData, AuthStep.SwitchTo {

    /**
     * Authentication succeeded. {@code moreData}, when not null, is sent as AuthMoreData before
     * the OK (caching_sha2_password's fast-auth-success byte).
     */
    record Accept(byte[] moreData) implements AuthStep {
    }

    /**
     * Authentication failed. The client always gets ER_ACCESS_DENIED_ERROR; {@code reason} is for
     * the server log only (it may say the user is unknown; the client must not learn that).
     */
    record Reject(String reason) implements AuthStep {
    }

    /** Send AuthMoreData with these bytes and wait for the next reply. */
    record MoreData(byte[] data) implements AuthStep {
    }

    /** Continue with another plugin (AuthSwitchRequest). */
    record SwitchTo(String pluginName) implements AuthStep {
    }

    static AuthStep accept() {
        return new Accept(null);
    }

    static AuthStep acceptAfter(byte[] moreData) {
        return new Accept(moreData);
    }

    static AuthStep reject(String reason) {
        return new Reject(reason);
    }

    static AuthStep moreData(byte[] data) {
        return new MoreData(data);
    }
}
