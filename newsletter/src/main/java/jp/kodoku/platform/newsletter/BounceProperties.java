package jp.kodoku.platform.newsletter;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code platform.newsletter.bounces.*} (docs/operations.md, "Bounces"): the mailbox delivery status notifications
 * come back to (the newsletter's envelope sender), the mailbox of List-Unsubscribe's {@code mailto:}, both read over
 * IMAP every {@code check}, and when bounces suspend an address.
 *
 * @param address             the envelope sender (Return-Path) of every issue's mail; empty: {@code bounces@} the
 *                            sender's domain
 * @param host                the IMAP server; empty: the embedded mail server when it runs (else nothing is read)
 * @param port                its port; 0: the embedded server's, or 993 for {@code imaps}
 * @param protocol            {@code imaps} (TLS) or {@code imap}
 * @param user                the bounce mailbox's login; empty: the address
 * @param password            its password (the embedded server takes any)
 * @param folder              where reports arrive
 * @param unsubscribeUser     the login of List-Unsubscribe's mailto mailbox; empty: its address
 * @param unsubscribePassword its password
 * @param check               how often both mailboxes are read (one node at a time)
 * @param softLimit           soft bounces (4.x.x) within {@code softWindow} that suspend an address
 * @param softWindow          the window soft bounces are counted in
 */
@ConfigurationProperties("platform.newsletter.bounces")
public record BounceProperties(@DefaultValue("") String address,
                               @DefaultValue("") String host,
                               @DefaultValue("0") int port,
                               @DefaultValue("imaps") String protocol,
                               @DefaultValue("") String user,
                               @DefaultValue("") String password,
                               @DefaultValue("INBOX") String folder,
                               @DefaultValue("") String unsubscribeUser,
                               @DefaultValue("") String unsubscribePassword,
                               @DefaultValue("5m") Duration check,
                               @DefaultValue("3") int softLimit,
                               @DefaultValue("30d") Duration softWindow) {
}
