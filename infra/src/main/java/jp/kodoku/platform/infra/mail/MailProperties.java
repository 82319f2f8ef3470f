package jp.kodoku.platform.infra.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.mail.*}; the relay itself is Spring Boot's {@code spring.mail.*} (docs/operations.md).
 *
 * @param fromAddress the sender of every mail
 * @param fromName    the sender's display name
 * @param embedded    the local mail server started when no relay is configured ({@code spring.mail.host} empty)
 */
@ConfigurationProperties("platform.mail")
public record MailProperties(@DefaultValue("noreply@localhost") String fromAddress,
                             @DefaultValue("孤独・孤立対策官民連携プラットフォーム事務局") String fromName,
                             @DefaultValue Embedded embedded) {

    /** Ports of the embedded GreenMail; 0 takes a free port (tests), {@code bin/start} sets 3025 and 3143. */
    public record Embedded(@DefaultValue("0") int smtpPort, @DefaultValue("0") int imapPort) {
    }
}
