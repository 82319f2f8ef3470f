package jp.kodoku.benchmarks;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jp.kodoku.platform.membership.api.ApproveMembershipApplication;
import jp.kodoku.platform.membership.api.SubmitMembershipApplication;
import jp.kodoku.platform.newsletter.api.AddItem;
import jp.kodoku.platform.newsletter.api.CountRecipients;
import jp.kodoku.platform.newsletter.api.DraftIssue;
import jp.kodoku.platform.newsletter.api.IssueId;
import jp.kodoku.platform.newsletter.api.ItemContent;
import jp.kodoku.platform.newsletter.api.ItemId;
import jp.kodoku.platform.newsletter.api.ScheduleIssue;
import jp.kodoku.platform.newsletter.api.Segment;
import jp.kodoku.platform.newsletter.api.StartSendingIssue;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.mail.javamail.JavaMailSender;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Newsletter sending (issue 13, ADR 0043): an issue to {@code bench.newsletter.recipients} members' contacts (10,000 by
 * default) through the platform's embedded GreenMail, from "send now" to the last mail accepted, against a baseline
 * in the same run: the same number of messages, copies of one the platform sent (so the same size and MIME shape),
 * sent with the platform's own JavaMailSender (the same SMTP session settings) by as many threads as the platform has
 * outbox workers, and nothing else. The pace setting is raised out of the way
 * ({@code platform.newsletter.sending.rate-per-second=1000000}), so the figure is what the machinery allows: rendering,
 * the outbox's claim and mark per row, SMTP. The heap in use is sampled every 100 ms while sending.
 *
 * <p>Alone with {@code -Dbench.newsletter.only=true}.
 */
final class NewsletterSending {

    private static final int WORKERS = 4;

    private final Platform platform;
    private final Results results;
    private final int recipients = Integer.getInteger("bench.newsletter.recipients", 10_000);

    NewsletterSending(Platform platform, Results results) {
        this.platform = platform;
        this.results = results;
    }

    static boolean alone() {
        return Boolean.getBoolean("bench.newsletter.only");
    }

    static void runAlone(Platform platform, Results results) throws Exception {
        results.note("NEWSLETTER ONLY (bench.newsletter.only): sending one issue against raw SMTP sends");
        platform.startApplication("--platform.newsletter.sending.rate-per-second=1000000",
                "--platform.outbox.workers=" + WORKERS, "--platform.outbox.batch-size=200");
        try {
            new NewsletterSending(platform, results).run();
        } finally {
            platform.stopApplication();
        }
    }

    void run() throws Exception {
        CommandGateway commands = platform.commands();
        QueryGateway queries = platform.bean(QueryGateway.class);
        GreenMail smtp = platform.bean(GreenMail.class);
        members(commands);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (count(queries) < recipients && System.nanoTime() < deadline) {
            Platform.sleep(500);
        }
        long reached = count(queries);
        smtp.purgeEmailFromAllMailboxes();

        IssueId issue = IssueId.random();
        commands.sendAndWait(Organizations.message(new DraftIssue(issue, "ベンチマーク号 メールマガジン",
                Instant.now().plus(Duration.ofDays(1)))));
        for (int i = 0; i < 6; i++) {
            commands.sendAndWait(Organizations.message(new AddItem(issue, null, ItemId.random(), i % 2 == 0 ? "notices" : "support",
                    new ItemContent("居場所づくりの研修会のご案内 " + i, ("**6月14日**に開催します。参加費は無料です。\n\n"
                            + "- 会場: 東京都千代田区\n- 対象: 会員団体の職員\n\n詳しくは事務局まで。").repeat(3),
                            "https://example.jp/news/" + i, false))));
        }
        commands.sendAndWait(Organizations.message(new ScheduleIssue(issue, null, Segment.EVERYONE)));

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<Long> heap = new ArrayList<>();
        long t0 = System.nanoTime();
        commands.sendAndWait(Organizations.message(new StartSendingIssue(issue, null, true)));
        deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        long nextSample = 0;
        while (smtp.getReceivedMessages().length < reached && System.nanoTime() < deadline) {
            if (System.nanoTime() >= nextSample) {
                heap.add(memory.getHeapMemoryUsage().getUsed());
                nextSample = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
            }
            Platform.sleep(20);
        }
        double platformSeconds = (System.nanoTime() - t0) / 1e9;
        MimeMessage[] sent = smtp.getReceivedMessages();
        int platformMails = sent.length;
        double platformRate = platformMails / platformSeconds;

        byte[] sample = bytes(sent[0]);
        smtp.purgeEmailFromAllMailboxes();
        double baselineRate = baseline(platform.bean(JavaMailSender.class), sample, platformMails, smtp);

        long heapMin = heap.stream().mapToLong(Long::longValue).min().orElse(0);
        long heapMax = heap.stream().mapToLong(Long::longValue).max().orElse(0);
        String note = String.format(Locale.ROOT, "%d recipients (%d reached by the segment), %d mails of %d bytes in "
                        + "%.1f s; %d outbox workers; heap in use while sending %d–%d MiB over %d samples (GC included); "
                        + "baseline: the same number of copies of one sent mail by %d threads with the platform's "
                        + "JavaMailSender", recipients, reached, platformMails, sample.length, platformSeconds, WORKERS,
                heapMin >> 20, heapMax >> 20, heap.size(), WORKERS);
        System.out.println("  newsletter: " + note);
        results.rate("newsletter.sending.rate", "newsletter: mails per second, send now → all accepted by SMTP",
                platformRate, "mails/s", baselineRate, "raw SMTP sends of the same messages, same concurrency", 0.5, note);
        results.detail("newsletterHeapUsedMiB", List.of(heapMin >> 20, heapMax >> 20));
    }

    private void members(CommandGateway commands) throws Exception {
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> parts = new ArrayList<>();
            AtomicInteger left = new AtomicInteger(recipients);
            for (int c = 0; c < 8; c++) {
                parts.add(pool.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        SubmitMembershipApplication submit = Organizations.application(Organizations.next());
                        commands.sendAndWait(Organizations.message(submit));
                        commands.sendAndWait(Organizations.message(new ApproveMembershipApplication(
                                submit.organizationId(), null, LocalDate.of(2024, 4, 1))));
                    }
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("  newsletter: %d members with a contact each in %.1f s%n", recipients,
                (System.nanoTime() - t0) / 1e9);
    }

    private long count(QueryGateway queries) {
        return queries.query(new CountRecipients(Segment.EVERYONE), ResponseTypes.instanceOf(Long.class)).join();
    }

    /** {@code total} copies of the sample, each to its own address, by {@value #WORKERS} threads; mails per second. */
    private static double baseline(JavaMailSender sender, byte[] sample, int total, GreenMail smtp) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        AtomicInteger next = new AtomicInteger();
        long t0 = System.nanoTime();
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                parts.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < total) {
                        MimeMessage copy = sender.createMimeMessage(new java.io.ByteArrayInputStream(sample));
                        copy.setRecipient(Message.RecipientType.TO, new InternetAddress("raw" + i + "@org.example.jp"));
                        copy.setHeader("Message-ID", "<raw." + i + "@localhost>");
                        sender.send(copy);
                    }
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (smtp.getReceivedMessages().length < total) {
            throw new IllegalStateException("the baseline's mails did not all arrive");
        }
        return total / seconds;
    }

    private static byte[] bytes(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }
}
