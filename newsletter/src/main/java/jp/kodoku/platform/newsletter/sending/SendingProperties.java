package jp.kodoku.platform.newsletter.sending;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code platform.newsletter.sending.*} (docs/operations.md).
 *
 * @param ratePerSecond   mails per second: the pace the recipients' rows come due at (for all nodes together) and,
 *                        on each node, the most it sends (so a backlog after an outage does not burst)
 * @param scheduleCheck   how often scheduled issues whose time has come are started (so they start at most this late)
 * @param completionCheck how often issues going out are checked for every recipient being final
 * @param postalAddress   the sender's postal address in every issue's footer (特定電子メール法)
 * @param contactAddress  the address for questions in the footer; empty: the sender's address
 * @param unsubscribeAddress the {@code mailto:} of List-Unsubscribe; empty: {@code unsubscribe@} the sender's domain (read
 *                           with the bounces, BounceMailboxes)
 */
@ConfigurationProperties("platform.newsletter.sending")
public record SendingProperties(@DefaultValue("20") double ratePerSecond,
                                @DefaultValue("10s") Duration scheduleCheck,
                                @DefaultValue("2s") Duration completionCheck,
                                @DefaultValue("〒100-8914 東京都千代田区永田町1-6-1 孤独・孤立対策官民連携プラットフォーム事務局") String postalAddress,
                                @DefaultValue("") String contactAddress,
                                @DefaultValue("") String unsubscribeAddress) {

    public SendingProperties {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("platform.newsletter.sending.rate-per-second must be above 0");
        }
    }
}
