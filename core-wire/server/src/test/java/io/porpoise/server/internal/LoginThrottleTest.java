package io.porpoise.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.porpoise.command.SystemVariables;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    @Test
    void delaysDoubleFromTheMinimumUpToTheMaximumPerHost() {
        SystemVariables v = SystemVariables.withDefaults();
        v.configure(LoginThrottle.MIN_DELAY, 100L);
        v.configure(LoginThrottle.MAX_DELAY, 350L);
        LoginThrottle t = new LoginThrottle(v);
        long[] expected = {0, 0, 0, 100, 200, 350, 350};
        for (long e : expected) {
            assertEquals(e, t.attemptFinished("a", true));
        }
        assertEquals(0, t.attemptFinished("b", true), "another host has its own count");
        assertEquals(List.of("'%'@'a'", "'%'@'b'"), t.failedLogins().stream().map(f -> f.userHost()).toList());
        assertEquals(350, t.attemptFinished("a", false), "a success after the threshold is delayed too");
        assertEquals(0, t.attemptFinished("a", true), "and reset the count");
        assertEquals(5, t.delaysGenerated());
    }

    @Test
    void thresholdZeroDisablesAndSettingItResets() {
        SystemVariables v = SystemVariables.withDefaults();
        LoginThrottle t = new LoginThrottle(v);
        for (int i = 0; i < 3; i++) {
            t.attemptFinished("h", true);
        }
        assertEquals(1000, t.attemptFinished("h", true), "MySQL's defaults: threshold 3, 1000 ms");
        v.configure(LoginThrottle.THRESHOLD, 0L);
        assertEquals(0, t.attemptFinished("h", true));
        assertEquals(List.of(), t.failedLogins(), "setting the threshold cleared the counts");
    }
}
