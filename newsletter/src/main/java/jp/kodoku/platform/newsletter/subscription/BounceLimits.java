package jp.kodoku.platform.newsletter.subscription;

import java.time.Duration;

/**
 * When soft bounces (4.x.x: mailbox full, server busy) suspend an address: {@code softLimit} of them within
 * {@code softWindow} (e.g. 3 in 30 days). One soft bounce is routine; a run of them means the address is not read.
 */
public record BounceLimits(int softLimit, Duration softWindow) {

    public BounceLimits {
        if (softLimit < 1) {
            throw new IllegalArgumentException("platform.newsletter.bounces.soft-limit must be at least 1");
        }
        if (softWindow == null || softWindow.isNegative() || softWindow.isZero()) {
            throw new IllegalArgumentException("platform.newsletter.bounces.soft-window must be positive");
        }
    }
}
