package jp.kodoku.platform.infra.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * With no relay configured ({@code spring.mail.host} empty: the embedded default, like the embedded databases), the
 * platform starts GreenMail on this machine, SMTP and IMAP on 127.0.0.1, and sends to it: mail really leaves the
 * platform and a person reads it in any mail client. Anybody's mailbox opens over IMAP with the address as the user
 * name and any password (authentication is off: it listens on the loopback address only). GreenMail keeps mail in
 * memory: a restart empties the mailboxes.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
public class EmbeddedMailServerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServerConfiguration.class);
    private static final String LOOPBACK = "127.0.0.1";

    @Bean(destroyMethod = "stop")
    GreenMail embeddedMailServer(MailProperties properties) {
        ServerSetup smtp = setup(properties.embedded().smtpPort(), ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = setup(properties.embedded().imapPort(), ServerSetup.PROTOCOL_IMAP);
        GreenMail server = new GreenMail(new ServerSetup[]{smtp, imap})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        log.info("Mail: embedded mail server (GreenMail) SMTP {}:{}, IMAP {}:{}; read a recipient's mail over IMAP "
                 + "with the address as user name and any password", LOOPBACK, server.getSmtp().getPort(), LOOPBACK,
                 server.getImap().getPort());
        return server;
    }

    @Bean
    JavaMailSender mailSender(GreenMail server) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(LOOPBACK);
        sender.setPort(server.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        return sender;
    }

    private static ServerSetup setup(int port, String protocol) {
        ServerSetup setup = new ServerSetup(port, LOOPBACK, protocol);
        return port == 0 ? setup.dynamicPort() : setup;
    }
}
