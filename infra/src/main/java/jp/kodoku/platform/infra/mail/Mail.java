package jp.kodoku.platform.infra.mail;

import java.util.List;
import java.util.Map;

/**
 * A mail to one recipient, before rendering: {@code template} names a pair of Thymeleaf templates on the classpath,
 * {@code mail/<template>.html} and {@code mail/<template>.txt} (a module keeps its own in its resources, e.g.
 * {@code mail/events/registration-confirmed.html}), both rendered with {@code model}.
 *
 * @param toName      the recipient's display name, or null
 * @param attachments e.g. {@link MailAttachment#calendar}
 * @param unsubscribe for bulk mail (a newsletter): the List-Unsubscribe headers; null for a personal notification
 */
public record Mail(String to, String toName, String subject, String template, Map<String, ?> model,
                   List<MailAttachment> attachments, ListUnsubscribe unsubscribe) {

    public Mail {
        model = model == null ? Map.of() : model;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A personal notification without attachments. */
    public static Mail to(String to, String subject, String template, Map<String, ?> model) {
        return new Mail(to, null, subject, template, model, List.of(), null);
    }

    public Mail withAttachment(MailAttachment attachment) {
        List<MailAttachment> more = new java.util.ArrayList<>(attachments);
        more.add(attachment);
        return new Mail(to, toName, subject, template, model, more, unsubscribe);
    }

    public Mail withUnsubscribe(ListUnsubscribe listUnsubscribe) {
        return new Mail(to, toName, subject, template, model, attachments, listUnsubscribe);
    }

    public Mail withToName(String name) {
        return new Mail(to, name, subject, template, model, attachments, unsubscribe);
    }
}
