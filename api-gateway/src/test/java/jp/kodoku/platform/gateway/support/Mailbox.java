package jp.kodoku.platform.gateway.support;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/** What the test mail server (GreenMail) received, read as a person reads a mail: its decoded text. */
public final class Mailbox {

    private Mailbox() {
    }

    /** The first match of the pattern in a mail to this address, once it arrives (the mails leave through an outbox). */
    public static String awaitMatch(GreenMail greenMail, String to, Pattern pattern) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (MimeMessage message : greenMail.getReceivedMessages()) {
                if (message.getAllRecipients()[0].toString().equals(to)) {
                    Matcher found = pattern.matcher(text(message));
                    if (found.find()) {
                        return found.group();
                    }
                }
            }
            return null;
        }, Objects::nonNull);
    }

    /**
     * The decoded text of a mail's parts (the UTF-8 parts travel base64- or quoted-printable-encoded), attachments
     * such as the .ics of a meeting included.
     */
    public static String text(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof java.io.InputStream stream) {
            try (stream) {
                return new String(stream.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        StringBuilder all = new StringBuilder();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i))).append('\n');
            }
        }
        return all.toString();
    }
}
