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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
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
 * the outbox's claim and mark per row, SMTP. The platform runs in this JVM ({@link Platform}), so the heap measured here
 * is its heap: every {@code bench.newsletter.heapSeconds} (15) while sending, GreenMail's received mails are dropped
 * (the mails are counted by the outbox rows marked done, i.e. accepted by SMTP) and the heap in use is read after a
 * full collection ({@code System.gc()}), so the samples are the live set, not the collector's sawtooth; their trend
 * against the mails sent tells whether the heap grows with the recipients.
 *
 * <p>Alone with {@code -Dbench.newsletter.only=true}.
 */
final class NewsletterSending {

    private static final int WORKERS = 4;

    private final Platform platform;
    private final Results results;
    private final int recipients = Integer.getInteger("bench.newsletter.recipients", 10_000);
    private final int heapEverySeconds = Integer.getInteger("bench.newsletter.heapSeconds", 15);

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

        JdbcTemplate jdbc = platform.jdbc();
        String rows = "issue-" + issue.value() + "/%";
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<long[]> heap = new ArrayList<>();   // {mails accepted so far, heap used after a full GC}
        byte[] sample = null;
        long t0 = System.nanoTime();
        commands.sendAndWait(Organizations.message(new StartSendingIssue(issue, null, true)));
        deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(60);
        long nextSample = System.nanoTime() + TimeUnit.SECONDS.toNanos(heapEverySeconds);
        long gcNanos = 0;
        int done = 0;
        while (System.nanoTime() < deadline) {
            long[] states = outboxStates(jdbc, rows);
            done = (int) states[0];
            if (states[1] == 0 && states[0] + states[2] > 0) {
                break;
            }
            if (System.nanoTime() >= nextSample) {
                // GreenMail keeps every mail it received in this JVM; dropped here, so that the heap measured after
                // the collection is the platform's (the count of mails comes from the outbox rows marked done)
                if (sample == null && smtp.getReceivedMessages().length > 0) {
                    sample = bytes(smtp.getReceivedMessages()[0]);
                }
                smtp.purgeEmailFromAllMailboxes();
                long g0 = System.nanoTime();
                System.gc();
                gcNanos += System.nanoTime() - g0;
                heap.add(new long[]{outboxStates(jdbc, rows)[0], memory.getHeapMemoryUsage().getUsed()});
                nextSample = System.nanoTime() + TimeUnit.SECONDS.toNanos(heapEverySeconds);
            }
            Platform.sleep(50);
        }
        double platformSeconds = (System.nanoTime() - t0) / 1e9;
        long[] states = outboxStates(jdbc, rows);
        int platformMails = (int) states[0];
        if (states[1] > 0 || platformMails + states[2] < reached) {
            throw new IllegalStateException("the issue did not go out within the time: " + platformMails + " sent, "
                    + states[1] + " pending, " + states[2] + " failed of " + reached);
        }
        double platformRate = platformMails / platformSeconds;
        if (sample == null) {
            sample = bytes(smtp.getReceivedMessages()[0]);
        }
        smtp.purgeEmailFromAllMailboxes();
        double baselineRate = baseline(platform.bean(JavaMailSender.class), sample, platformMails, smtp);

        HeapTrend trend = HeapTrend.of(heap, platformMails);
        String note = String.format(Locale.ROOT, "%d recipients (%d reached by the segment), %d mails of %d bytes in "
                        + "%.1f s (%d given up); %d outbox workers; %s; %.1f s of the sending spent in the %d full "
                        + "collections for the samples; baseline: the same number of copies of one sent mail by %d "
                        + "threads with the platform's JavaMailSender", recipients, reached, platformMails,
                sample.length, platformSeconds, states[2], WORKERS, trend, gcNanos / 1e9, heap.size(), WORKERS);
        System.out.println("  newsletter: " + note);
        results.rate("newsletter.sending.rate", "newsletter: mails per second, send now → all accepted by SMTP",
                platformRate, "mails/s", baselineRate, "raw SMTP sends of the same messages, same concurrency", 0.5, note);
        results.detail("newsletterHeapAfterGcMiB", trend.mib());
        results.detail("newsletterHeapFlat", trend.flat());
    }

    /** Mails done, pending and given up of the issue, as its outbox rows say. */
    private static long[] outboxStates(JdbcTemplate jdbc, String rows) {
        long[] states = new long[3];
        jdbc.query("SELECT state, COUNT(*) FROM outbox WHERE kind = 'newsletter.issue' AND dedupe_key LIKE ? "
                + "GROUP BY state", (RowCallbackHandler) row -> {
            switch (row.getString(1)) {
                case "done" -> states[0] = row.getLong(2);
                case "pending" -> states[1] = row.getLong(2);
                default -> states[2] += row.getLong(2);
            }
        }, rows);
        return states;
    }

    /**
     * The heap in use after full collections while sending, against the mails sent by then: first, last, least and
     * most, and the growth a straight line through the samples gives over the whole sending. Flat when that growth is
     * under 10 % of the first sample or 32 MiB: a heap that grows with the recipients (rows, letters or addresses
     * kept) would grow by far more over 10,000 of them.
     */
    record HeapTrend(long first, long last, long min, long max, long growth, int samples) {

        static HeapTrend of(List<long[]> samples, int mails) {
            if (samples.size() < 2) {
                long only = samples.isEmpty() ? 0 : samples.get(0)[1];
                return new HeapTrend(only, only, only, only, 0, samples.size());
            }
            double n = samples.size();
            double meanX = samples.stream().mapToLong(s -> s[0]).average().orElse(0);
            double meanY = samples.stream().mapToLong(s -> s[1]).average().orElse(0);
            double covariance = 0;
            double variance = 0;
            for (long[] s : samples) {
                covariance += (s[0] - meanX) * (s[1] - meanY);
                variance += (s[0] - meanX) * (s[0] - meanX);
            }
            double bytesPerMail = variance == 0 ? 0 : covariance / variance;
            return new HeapTrend(samples.get(0)[1], samples.get(samples.size() - 1)[1],
                    samples.stream().mapToLong(s -> s[1]).min().orElse(0),
                    samples.stream().mapToLong(s -> s[1]).max().orElse(0), Math.round(bytesPerMail * mails), (int) n);
        }

        boolean flat() {
            return growth < Math.max(32L << 20, first / 10);
        }

        List<Long> mib() {
            return List.of(first >> 20, last >> 20, min >> 20, max >> 20, growth >> 20);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "heap in use after full GCs while sending: first %d MiB, "
                            + "last %d MiB, min %d MiB, max %d MiB over %d samples, fitted growth over the sending "
                            + "%d MiB: %s", first >> 20, last >> 20, min >> 20, max >> 20, samples,
                    growth >> 20, flat() ? "flat" : "NOT flat (grows with the recipients)");
        }
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
