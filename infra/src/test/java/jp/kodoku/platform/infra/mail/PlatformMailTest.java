package jp.kodoku.platform.infra.mail;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jp.kodoku.platform.infra.calendar.CalendarEntry;
import jp.kodoku.platform.infra.calendar.IcsCalendar;
import jp.kodoku.platform.infra.effects.EffectsNode;
import jp.kodoku.platform.infra.outbox.Outbox;
import jp.kodoku.platform.infra.outbox.OutboxState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Mail as a recipient gets it: sent through the outbox to the platform's embedded GreenMail and read back over IMAP,
 * as a mail client would.
 */
class PlatformMailTest {

    private static ConfigurableApplicationContext node;
    private static PlatformMail mail;
    private static GreenMail server;

    @BeforeAll
    static void start() {
        node = EffectsNode.start("mail-node", EffectsNode.h2(), List.of(),
                                 "--platform.mail.from-name=孤独・孤立対策官民連携プラットフォーム事務局");
        mail = node.getBean(PlatformMail.class);
        server = node.getBean(GreenMail.class);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @BeforeEach
    void emptyMailboxes() throws Exception {
        server.purgeEmailFromAllMailboxes();
    }

    private static Map<String, Object> model() {
        return Map.of("title", "会合のお知らせ", "organization", "自殺対策支援センターライフリンク",
                      "message", "分科会3の第4回会合を12月3日(木)14時から開催します。<script>alert(1)</script>",
                      "link", "https://kodoku.example.jp/subcommittees/3/meetings/4");
    }

    private static boolean enqueue(String key, Mail message) {
        return new TransactionTemplate(node.getBean(PlatformTransactionManager.class))
                .execute(tx -> mail.enqueue(key, message));
    }

    @Test
    void a_notification_arrives_as_html_and_plain_text_in_utf8_from_the_platforms_sender() throws Exception {
        enqueue("notice-1", Mail.to("tanaka@lifelink.example.jp", "【分科会3】第4回会合のお知らせ", "test/notice", model())
                                .withToName("田中 太郎"));

        Message received = readInbox("tanaka@lifelink.example.jp").get(0);

        assertThat(received.getSubject()).isEqualTo("【分科会3】第4回会合のお知らせ");
        assertThat(received.getHeader("Subject")[0]).as("encoded word, UTF-8").startsWithIgnoringCase("=?UTF-8?");
        InternetAddress from = (InternetAddress) received.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("jimukyoku@kodoku.example.jp");
        assertThat(from.getPersonal()).isEqualTo("孤独・孤立対策官民連携プラットフォーム事務局");
        Address to = received.getRecipients(Message.RecipientType.TO)[0];
        assertThat(((InternetAddress) to).getPersonal()).isEqualTo("田中 太郎");
        assertThat(received.getHeader("List-Unsubscribe")).as("a personal notification is no list mail").isNull();

        Map<String, String> parts = textParts(received);
        assertThat(parts.get("text/plain")).contains("自殺対策支援センターライフリンク ご担当者様")
                                           .contains("<script>alert(1)</script>")
                                           .contains("https://kodoku.example.jp/subcommittees/3/meetings/4");
        assertThat(parts.get("text/html")).contains("第4回会合を12月3日(木)14時から開催します。")
                                          .contains("&lt;script&gt;").doesNotContain("<script>")
                                          .contains("href=\"https://kodoku.example.jp/subcommittees/3/meetings/4\"");
        assertThat(received.getContentType()).startsWith("multipart/mixed");
    }

    @Test
    void bulk_mail_carries_one_click_unsubscribe_headers() throws Exception {
        enqueue("issue-12/subscriber-7", Mail.to("yamada@example.jp", "メールマガジン 第12号", "test/notice", model())
                .withUnsubscribe(new ListUnsubscribe("https://kodoku.example.jp/newsletter/unsubscribe/tok3n",
                                                     "mailto:unsubscribe@kodoku.example.jp?subject=tok3n")));

        Message received = readInbox("yamada@example.jp").get(0);

        assertThat(received.getHeader("List-Unsubscribe")).containsExactly(
                "<https://kodoku.example.jp/newsletter/unsubscribe/tok3n>, <mailto:unsubscribe@kodoku.example.jp?subject=tok3n>");
        assertThat(received.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
    }

    @Test
    void an_invitation_carries_its_calendar_as_text_calendar_with_its_method() throws Exception {
        String ics = IcsCalendar.request()
                                .add(new CalendarEntry("meeting-4@kodoku-platform", 1, false, "分科会3 第4回会合", "議題: 中間整理",
                                                       URI.create("https://kodoku.example.jp/subcommittees/3/meetings/4"),
                                                       "オンライン", Instant.parse("2026-11-29T00:00:00Z"),
                                                       new CalendarEntry.Timed(LocalDateTime.of(2026, 12, 3, 14, 0),
                                                                               LocalDateTime.of(2026, 12, 3, 16, 0))))
                                .toIcs();
        enqueue("meeting-4/suzuki", Mail.to("suzuki@example.jp", "会合のご案内", "test/notice", model())
                                        .withAttachment(MailAttachment.calendar(ics, "REQUEST")));

        Message received = readInbox("suzuki@example.jp").get(0);

        BodyPart calendar = attachments(received).get(0);
        assertThat(calendar.getContentType()).contains("text/calendar").contains("method=REQUEST");
        assertThat(calendar.getFileName()).isEqualTo("invite.ics");
        String text = new String(bytes(calendar.getInputStream()), StandardCharsets.UTF_8);
        assertThat(text).contains("METHOD:REQUEST").contains("UID:meeting-4@kodoku-platform").contains("SUMMARY:分科会3 第4回会合");
    }

    @Test
    void the_message_id_is_fixed_when_enqueued_so_a_repeat_is_the_same_message() throws Exception {
        RenderedMail rendered = mail.render(Mail.to("sato@example.jp", "確認", "test/notice", model()));

        mail.send(rendered);
        mail.send(rendered);

        List<Message> received = readInbox("sato@example.jp");
        assertThat(received).hasSize(2);
        assertThat(received).extracting(m -> ((MimeMessage) m).getMessageID()).containsOnly(rendered.messageId());
        assertThat(rendered.messageId()).endsWith("@kodoku.example.jp>");
    }

    @Test
    void a_mail_enqueued_twice_under_one_key_is_sent_once() throws Exception {
        assertThat(enqueue("once", Mail.to("once@example.jp", "一度だけ", "test/notice", model()))).isTrue();
        assertThat(enqueue("once", Mail.to("once@example.jp", "一度だけ", "test/notice", model()))).isFalse();

        await().atMost(Duration.ofSeconds(10)).until(() -> node.getBean(Outbox.class).stateOf(PlatformMail.KIND, "once")
                                                                .orElseThrow() == OutboxState.DONE);
        assertThat(readInbox("once@example.jp")).hasSize(1);
    }

    @Test
    void a_header_value_with_a_line_break_is_refused_before_anything_is_stored() {
        assertThatThrownBy(() -> mail.render(Mail.to("a@example.jp", "件名\r\nBcc: everyone@example.jp", "test/notice", model())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subject");
        assertThatThrownBy(() -> mail.render(Mail.to("a@example.jp\r\nBcc: x@example.jp", "件名", "test/notice", model())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ListUnsubscribe("https://x.example/u>, <https://evil.example", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    public record Meeting(String title) {
    }

    @Test
    void a_template_reads_a_records_components_by_name() {
        RenderedMail rendered = mail.render(Mail.to("a@example.jp", "件名", "test/record",
                                                    Map.of("meeting", new Meeting("分科会3 第4回会合"))));

        assertThat(rendered.html()).contains("<p>分科会3 第4回会合</p>");
        assertThat(rendered.text()).contains("分科会3 第4回会合");
    }

    /** The recipient's INBOX over IMAP, once at least one mail is there. */
    private static List<Message> readInbox(String address) throws Exception {
        await().atMost(Duration.ofSeconds(15)).until(() -> server.getReceivedMessages().length > 0
                && java.util.Arrays.stream(server.getReceivedMessages()).anyMatch(m -> recipientIs(m, address)));
        Properties properties = new Properties();
        properties.put("mail.imap.host", "127.0.0.1");
        properties.put("mail.imap.port", String.valueOf(server.getImap().getPort()));
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect(address, "any password");
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        List<Message> messages = new ArrayList<>();
        for (Message message : inbox.getMessages()) {
            // read fully before the folder closes
            MimeMessage copy = new MimeMessage((MimeMessage) message);
            messages.add(copy);
        }
        inbox.close(false);
        store.close();
        return messages;
    }

    private static boolean recipientIs(MimeMessage message, String address) {
        try {
            return ((InternetAddress) message.getAllRecipients()[0]).getAddress().equals(address);
        } catch (Exception e) {
            return false;
        }
    }

    /** text/plain and text/html bodies, wherever they sit in the multipart tree. */
    private static Map<String, String> textParts(Part part) throws Exception {
        Map<String, String> found = new java.util.HashMap<>();
        collect(part, found, new ArrayList<>());
        return found;
    }

    private static List<BodyPart> attachments(Part part) throws Exception {
        List<BodyPart> found = new ArrayList<>();
        collect(part, new java.util.HashMap<>(), found);
        return found;
    }

    private static void collect(Part part, Map<String, String> texts, List<BodyPart> attachments) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), texts, attachments);
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            attachments.add((BodyPart) part);
        } else if (part.isMimeType("text/plain") || part.isMimeType("text/html")) {
            assertThat(part.getContentType()).containsIgnoringCase("charset=UTF-8");
            texts.put(part.isMimeType("text/plain") ? "text/plain" : "text/html", (String) part.getContent());
        }
    }

    private static byte[] bytes(InputStream in) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

}
