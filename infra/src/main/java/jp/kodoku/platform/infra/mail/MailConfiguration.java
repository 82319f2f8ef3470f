package jp.kodoku.platform.infra.mail;

import io.micrometer.core.instrument.MeterRegistry;
import jp.kodoku.platform.infra.outbox.Outbox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Mail (DESIGN.md §12). The relay is Spring Boot's {@code JavaMailSender} ({@code spring.mail.host}, …); with none
 * configured, {@link EmbeddedMailServerConfiguration} starts a local one.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
public class MailConfiguration {

    @Bean
    PlatformMail platformMail(JavaMailSender sender, Outbox outbox, MailProperties properties,
                              ObjectProvider<MeterRegistry> meters) {
        return new PlatformMail(sender, new MailTemplates(), outbox, properties, meters.getIfAvailable());
    }

    @Bean
    MailOutboxHandler mailOutboxHandler(PlatformMail mail) {
        return new MailOutboxHandler(mail);
    }
}
