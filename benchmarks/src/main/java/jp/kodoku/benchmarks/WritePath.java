package jp.kodoku.benchmarks;

import jp.kodoku.platform.gateway.idempotency.IdempotentRequests;
import jp.kodoku.platform.membership.api.ApproveMembershipApplication;
import jp.kodoku.platform.membership.api.SubmitMembershipApplication;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.security.SecureRandom;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Write path: membership commands through Axon's command gateway against raw JDBC inserts, each committed, of rows of
 * the same size into a table of the same shape as {@code domainevententry} in the same PostgreSQL database.
 *
 * <p>Each measurement runs a number of client threads in a closed loop for a warm-up and then a measured window (both
 * bounded in time, and each client in count); only operations completed in the window count. Per client count, the
 * baseline is measured right before the commands, with rows copied from the events those commands write (same
 * payload and metadata bytes).
 */
final class WritePath {

    private static final String RAW_TABLE = "bench_raw_events";
    private static final long MAX_OPERATIONS_PER_CLIENT = 200_000;
    /** Commands per measured window at most (a quarter of it for each window's own warm-up). */
    static final long MAX_COMMANDS = 1_600;
    private static final long MAX_INSERTS = 1_000_000;

    private final Platform platform;
    private final Options options;
    private final Results results;
    private final List<String> members = new ArrayList<>();
    private final AtomicLong updates = new AtomicLong();

    WritePath(Platform platform, Options options, Results results) {
        this.platform = platform;
        this.options = options;
        this.results = results;
    }

    /** Active members made by ordinary commands (submit, approve): the targets of profile updates here and later. */
    List<String> members() {
        return members;
    }

    void createMembers() throws Exception {
        long t0 = System.nanoTime();
        CommandGateway gateway = platform.commands();
        int clients = options.writeClients();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<String>>> parts = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int share = options.members() / clients + (c < options.members() % clients ? 1 : 0);
                parts.add(pool.submit(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < share; i++) {
                        SubmitMembershipApplication submit = Organizations.application(Organizations.next());
                        gateway.sendAndWait(Organizations.message(submit));
                        gateway.sendAndWait(Organizations.message(new ApproveMembershipApplication(
                                submit.organizationId(), null, LocalDate.of(2024, 4, 1))));
                        ids.add(submit.organizationId().value());
                    }
                    return ids;
                }));
            }
            for (Future<List<String>> part : parts) {
                members.addAll(part.get());
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("  %d active members created by %d commands in %.1f s (also the JIT warm-up of the write path)%n",
                members.size(), 2 * members.size(), (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Submissions and profile updates at full speed, in chunks of two seconds, until the JIT compiler spends less than
     * 10 % of a chunk's time compiling (or {@code bench.write.steady.timeout} is over): the measurements then see the
     * platform's steady state. (A large application never stops compiling entirely: recompilations go on at a low
     * rate.) Measured, not assumed: in the first seconds of commands the compiler took more CPU per
     * command than the command itself.
     */
    void warmUp() throws Exception {
        CommandGateway gateway = platform.commands();
        int clients = options.writeClients();
        long deadline = System.nanoTime() + options.writeSteadyTimeout().toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients, r -> new Thread(r, "bench-client"));
        long commands = 0;
        double compilingShare;
        int chunks = 0;
        try {
            do {
                long compiling = CpuUse.compilingMillis();
                long t0 = System.nanoTime();
                commands += loop(pool, clients, Duration.ofSeconds(2), Long.MAX_VALUE, (client, i) ->
                        gateway.sendAndWait(Organizations.message(i % 2 == 0
                                ? Organizations.application(Organizations.next())
                                : Organizations.descriptionUpdate(members.get((int) ((client * 31L + i) % members.size())),
                                updates.incrementAndGet()))), null, new AtomicLong());
                compilingShare = (CpuUse.compilingMillis() - compiling) / ((System.nanoTime() - t0) / 1e6);
                chunks++;
            } while (compilingShare > QUIET_COMPILER && System.nanoTime() < deadline);
        } finally {
            pool.shutdownNow();
        }
        String outcome = String.format(java.util.Locale.ROOT,
                "write path warmed up by %,d commands in %d s; JIT compiling in the last 2 s: %.0f %% of the time%s",
                commands, 2 * chunks, 100 * compilingShare, compilingShare > QUIET_COMPILER ? " (timeout: not yet steady)" : "");
        System.out.println("  " + outcome);
        results.note(outcome);
        results.detail("write.warmUp", Map.of("commands", commands, "seconds", 2 * chunks,
                "compilingShareAtEnd", compilingShare));
    }

    private static final double QUIET_COMPILER = 0.10;

    void run() throws Exception {
        createRawTable();
        Row submitted = sampleRow("MembershipApplicationSubmitted");
        Row updated = sampleRow("OrganizationProfileUpdated");
        if (updated == null) {
            // no update yet: make one, so that the baseline copies a real row
            platform.commands().sendAndWait(Organizations.message(Organizations.descriptionUpdate(members.get(0), updates.incrementAndGet())));
            updated = sampleRow("OrganizationProfileUpdated");
        }
        results.detail("write.rowBytes", Map.of("MembershipApplicationSubmitted", submitted.bytes(),
                "OrganizationProfileUpdated", updated.bytes()));
        for (int clients : new int[]{1, options.writeClients()}) {
            Run rawSubmit = raw(submitted, clients);
            Run submit = commands("submit", clients, (c, i) -> Organizations.application(Organizations.next()));
            compare("write.submit.c" + clients, "submit application, " + clients + " client" + (clients > 1 ? "s" : ""),
                    submit, rawSubmit, submitted);
            Run rawCommand = rawCommandTransaction(submitted, clients);
            Run keyed = keyedSubmissions(clients);
            compareWithTransaction(clients, keyed, rawCommand, rawSubmit, submitted);
            Run rawUpdate = raw(updated, clients);
            int perClient = members.size() / clients;
            Run update = commands("update", clients, (c, i) ->
                    Organizations.descriptionUpdate(members.get(c * perClient + (int) (i % perClient)), updates.incrementAndGet()));
            compare("write.update.c" + clients, "update profile, " + clients + " client" + (clients > 1 ? "s" : ""),
                    update, rawUpdate, updated);
        }
    }

    private void compare(String id, String name, Run commands, Run raw, Row row) {
        results.rate(id, "write: " + name, commands.rate(), "ops/s", raw.rate(),
                "raw JDBC insert+commit of " + row.bytes() + "-byte rows, same threads", 0.5,
                String.format(java.util.Locale.ROOT, "command p50 %.1f ms, p99 %.1f ms; insert p50 %.2f ms, p99 %.2f ms; %d errors",
                        commands.p50(), commands.p99(), raw.p50(), raw.p99(), commands.errors()));
        results.detail(id, Map.of("commands", commands.asMap(), "rawInserts", raw.asMap()));
        System.out.println("    commands: " + CpuUse.describe(commands.cpu(), "command"));
        System.out.println("    raw inserts: " + CpuUse.describe(raw.cpu(), "insert"));
    }

    /**
     * The second baseline: what the database alone needs for the rows one keyed submission writes. Submissions with an
     * {@code Idempotency-Key}, as an API client sends them, against raw JDBC running the same statements in one
     * transaction per operation. The ratio to the single-insert floor is printed beside it.
     */
    private void compareWithTransaction(int clients, Run keyed, Run rawCommand, Run rawInsert, Row row) {
        String id = "write.submitKeyed.c" + clients;
        double floorRatio = keyed.rate() / rawInsert.rate();
        results.rate(id, "write: submit with Idempotency-Key, " + clients + " client" + (clients > 1 ? "s" : ""),
                keyed.rate(), "ops/s", rawCommand.rate(),
                "raw JDBC, one transaction of the command's " + RawCommand.STATEMENTS + " statements (idempotency key, "
                        + "registry claim, personal-data key, " + row.bytes() + "-byte event row), same threads", 0.5,
                String.format(java.util.Locale.ROOT,
                        "against the single-insert floor: %.2f× (floor %.0f ops/s); command p50 %.1f ms, p99 %.1f ms; "
                                + "transaction p50 %.2f ms, p99 %.2f ms; %d errors",
                        floorRatio, rawInsert.rate(), keyed.p50(), keyed.p99(), rawCommand.p50(), rawCommand.p99(),
                        keyed.errors() + rawCommand.errors()));
        results.detail(id, Map.of("commands", keyed.asMap(), "rawTransactions", rawCommand.asMap(),
                "ratioToFloor", floorRatio));
        System.out.println("    keyed commands: " + CpuUse.describe(keyed.cpu(), "command"));
        System.out.println("    raw transactions: " + CpuUse.describe(rawCommand.cpu(), "transaction"));
    }

    /**
     * Submissions as the API runs them with an {@code Idempotency-Key}: the key claimed, the command sent, the answer
     * remembered, all in one transaction ({@link IdempotentRequests}, the gateway's own class; only HTTP is left out).
     */
    private Run keyedSubmissions(int clients) throws Exception {
        quiet();
        CommandGateway gateway = platform.commands();
        IdempotentRequests idempotency = platform.bean(IdempotentRequests.class);
        try (Sampler sampler = new Sampler(options.profile(), n -> n.startsWith("bench-client"))) {
            Run run = closedLoop(clients, MAX_COMMANDS, (client, i) -> {
                SubmitMembershipApplication submit = Organizations.application(Organizations.next());
                idempotency.run("applications", "bench-" + UUID.randomUUID(), submit, () -> {
                    gateway.sendAndWait(Organizations.message(submit));
                    return ResponseEntity.status(201).body(Map.of("organizationId", submit.organizationId().value(),
                            "status", "APPLIED", "version", 0));
                });
            });
            sampler.print("commands (submit with Idempotency-Key, " + clients + " clients)", 6);
            results.detail("profile.write.submitKeyed.c" + clients, sampler.summary(12));
            return run;
        }
    }

    private Run rawCommandTransaction(Row row, int clients) throws Exception {
        quiet();
        List<RawCommand> perClient = new ArrayList<>();
        try {
            for (int c = 0; c < clients; c++) {
                perClient.add(new RawCommand(platform.rawConnection()));
            }
            return closedLoop(clients, MAX_INSERTS, (client, i) -> perClient.get(client).run(row));
        } finally {
            for (RawCommand command : perClient) {
                command.close();
            }
        }
    }

    /**
     * The statements a keyed submission sends to PostgreSQL, in its order, on one connection in one transaction:
     * IdempotentRequests (look-up, expiry, claim), the registry (held keys, corporate number, name), the vault (look-up,
     * new key), the event row (into the copy of domainevententry), IdempotentRequests again (the answer), commit.
     * Unique keys per operation, as every submission has. What is left out is everything that is not a statement:
     * validation, serialization, encryption, Axon's and Spring's own work: the overhead this baseline shows.
     */
    private static final class RawCommand implements AutoCloseable {
        static final int STATEMENTS = 10;
        private static final SecureRandom RANDOM = new SecureRandom();

        private final Connection connection;
        private final PreparedStatement replay;
        private final PreparedStatement expire;
        private final PreparedStatement claimKey;
        private final PreparedStatement heldKeys;
        private final PreparedStatement claimRegistry;
        private final PreparedStatement subjectKey;
        private final PreparedStatement newSubjectKey;
        private final PreparedStatement event;
        private final PreparedStatement remember;

        RawCommand(Connection connection) throws java.sql.SQLException {
            this.connection = connection;
            connection.setAutoCommit(false);
            replay = connection.prepareStatement("SELECT fingerprint, status, location, body, created_at FROM idempotency_keys"
                    + " WHERE scope = ? AND idem_key = ?");
            expire = connection.prepareStatement("DELETE FROM idempotency_keys WHERE created_at < ?");
            claimKey = connection.prepareStatement("INSERT INTO idempotency_keys (scope, idem_key, fingerprint, status,"
                    + " created_at) VALUES (?, ?, ?, 0, ?)");
            heldKeys = connection.prepareStatement("SELECT lookup_key, organization_name FROM organization_keys"
                    + " WHERE organization_id = ?");
            claimRegistry = connection.prepareStatement("INSERT INTO organization_keys (lookup_key, organization_id,"
                    + " organization_name) VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
            subjectKey = connection.prepareStatement("SELECT secret, erased_at FROM personal_data_keys WHERE subject = ?");
            newSubjectKey = connection.prepareStatement("INSERT INTO personal_data_keys (subject, secret, created_at)"
                    + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
            event = connection.prepareStatement("INSERT INTO " + RAW_TABLE
                    + " (eventidentifier, aggregateidentifier, sequencenumber, type, timestamp, payloadtype,"
                    + " payloadrevision, payload, metadata) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            remember = connection.prepareStatement("UPDATE idempotency_keys SET status = ?, location = ?, body = ?"
                    + " WHERE scope = ? AND idem_key = ?");
        }

        void run(Row row) throws java.sql.SQLException {
            String scope = "applications";
            String key = "bench-raw-" + UUID.randomUUID();
            String organization = UUID.randomUUID().toString();
            Timestamp now = Timestamp.from(Instant.now());
            try {
                replay.setString(1, scope);
                replay.setString(2, key);
                try (ResultSet rs = replay.executeQuery()) {
                    rs.next();
                }
                expire.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofHours(24))));
                expire.executeUpdate();
                claimKey.setString(1, scope);
                claimKey.setString(2, key);
                claimKey.setString(3, Organizations.sha256(key));
                claimKey.setTimestamp(4, now);
                claimKey.executeUpdate();
                heldKeys.setString(1, organization);
                try (ResultSet rs = heldKeys.executeQuery()) {
                    rs.next();
                }
                for (String lookupKey : new String[]{"corporate-number:raw-" + organization, "name:raw-" + organization}) {
                    claimRegistry.setString(1, lookupKey);
                    claimRegistry.setString(2, organization);
                    claimRegistry.setString(3, "生のJDBCの会" + organization);
                    claimRegistry.executeUpdate();
                }
                String subject = UUID.randomUUID().toString();
                subjectKey.setString(1, subject);
                try (ResultSet rs = subjectKey.executeQuery()) {
                    rs.next();
                }
                byte[] secret = new byte[32];
                RANDOM.nextBytes(secret);
                newSubjectKey.setString(1, subject);
                newSubjectKey.setBytes(2, secret);
                newSubjectKey.setTimestamp(3, now);
                newSubjectKey.executeUpdate();
                event.setString(1, UUID.randomUUID().toString());
                event.setString(2, organization);
                event.setLong(3, 0);
                event.setString(4, row.type());
                event.setObject(5, row.timestamp());
                event.setString(6, row.payloadType());
                event.setString(7, row.payloadRevision());
                event.setBytes(8, row.payload());
                event.setBytes(9, row.metadata());
                event.executeUpdate();
                remember.setInt(1, 201);
                remember.setString(2, null);
                remember.setString(3, "{\"organizationId\":\"" + organization + "\",\"status\":\"APPLIED\",\"version\":0}");
                remember.setString(4, scope);
                remember.setString(5, key);
                remember.executeUpdate();
                connection.commit();
            } catch (java.sql.SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }

        @Override
        public void close() throws java.sql.SQLException {
            connection.close();
        }
    }

    interface CommandSource {
        Object command(int client, long i);
    }

    /** @param cpu CPU milliseconds per operation in the window, by where it was spent (see CpuUse) */
    record Run(long operations, double seconds, long errors, Histogram latency, Map<String, Double> cpu) {
        double rate() {
            return operations / seconds;
        }

        double p50() {
            return latency.getValueAtPercentile(50) / 1000.0;
        }

        double p99() {
            return latency.getValueAtPercentile(99) / 1000.0;
        }

        Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("operations", operations);
            m.put("seconds", seconds);
            m.put("perSecond", rate());
            m.put("errors", errors);
            m.put("p50Ms", p50());
            m.put("p99Ms", p99());
            m.put("cpuMsPerOperation", cpu);
            return m;
        }
    }

    /**
     * Each measurement starts with the projections caught up: otherwise it would share the CPU with the processing of
     * the previous one's events (seen in the CPU figures of an earlier run: the raw inserts "paid" for projections).
     */
    private void quiet() {
        if (!platform.awaitProjections(options.catchUpTimeout())) {
            results.note("write path: projections had not caught up before a measurement");
        }
    }

    private Run commands(String label, int clients, CommandSource source) throws Exception {
        quiet();
        CommandGateway gateway = platform.commands();
        try (Sampler sampler = new Sampler(options.profile(), n -> n.startsWith("bench-client"))) {
            Run run = closedLoop(clients, MAX_COMMANDS, (client, i) -> gateway.sendAndWait(Organizations.message(source.command(client, i))));
            sampler.print("commands (" + label + ", " + clients + " clients)", 6);
            results.detail("profile.write." + label + ".c" + clients, sampler.summary(12));
            return run;
        }
    }

    private Run raw(Row row, int clients) throws Exception {
        quiet();
        List<Connection> connections = new ArrayList<>();
        List<PreparedStatement> statements = new ArrayList<>();
        try {
            for (int c = 0; c < clients; c++) {
                Connection connection = platform.rawConnection();
                connection.setAutoCommit(true); // each insert is its own committed transaction
                connections.add(connection);
                statements.add(connection.prepareStatement("INSERT INTO " + RAW_TABLE
                        + " (eventidentifier, aggregateidentifier, sequencenumber, type, timestamp, payloadtype,"
                        + " payloadrevision, payload, metadata) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
            }
            return closedLoop(clients, MAX_INSERTS, (client, i) -> {
                PreparedStatement insert = statements.get(client);
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, UUID.randomUUID().toString());
                insert.setLong(3, 0);
                insert.setString(4, row.type());
                insert.setObject(5, row.timestamp());
                insert.setString(6, row.payloadType());
                insert.setString(7, row.payloadRevision());
                insert.setBytes(8, row.payload());
                insert.setBytes(9, row.metadata());
                insert.executeUpdate();
            });
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    interface Operation {
        void run(int client, long i) throws Exception;
    }

    /**
     * N clients in a closed loop: a warm-up, then the measured window, each bounded in time and in count (the count
     * keeps the commands of this phase below the first size of the event store, however fast the machine). The rate is
     * the operations of the window over the time from its start until the last client's last operation ended.
     */
    private Run closedLoop(int clients, long maxOperations, Operation operation) throws Exception {
        Histogram latency = new ConcurrentHistogram(60_000_000L, 3);
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients, r -> new Thread(r, "bench-client"));
        try {
            loop(pool, clients, options.writeWarmup(), maxOperations / 4, operation, null, errors);
            errors.set(0);
            CpuUse cpu = CpuUse.now();
            long start = System.nanoTime();
            long done = loop(pool, clients, options.writeWindow(), maxOperations, operation, latency, errors);
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Run(done, seconds, errors.get(), latency, CpuUse.now().perOperationSince(cpu, done));
        } finally {
            pool.shutdownNow();
        }
    }

    private static long loop(ExecutorService pool, int clients, Duration duration, long maxOperations, Operation operation,
                             Histogram latency, AtomicLong errors) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        AtomicLong issued = new AtomicLong();
        AtomicLong done = new AtomicLong();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                for (long i = 0; i < MAX_OPERATIONS_PER_CLIENT; i++) {
                    long t0 = System.nanoTime();
                    if (t0 >= end || issued.incrementAndGet() > maxOperations) {
                        return;
                    }
                    try {
                        operation.run(client, i);
                        done.incrementAndGet();
                        if (latency != null) {
                            latency.recordValue(Math.min((System.nanoTime() - t0) / 1000, 60_000_000L));
                        }
                    } catch (Exception e) {
                        if (errors.incrementAndGet() <= 3) {
                            System.out.println("  error: " + e);
                        }
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        return done.get();
    }

    private void createRawTable() throws Exception {
        try (Connection c = platform.rawConnection()) {
            EventSchema schema = EventSchema.builder().eventTable(RAW_TABLE).build();
            try (PreparedStatement create = PostgresEventTableFactory.INSTANCE.createDomainEventTable(c, schema)) {
                create.execute();
            }
        }
    }

    record Row(String type, Object timestamp, String payloadType, String payloadRevision, byte[] payload,
               byte[] metadata) {
        int bytes() {
            return payload.length + (metadata == null ? 0 : metadata.length);
        }
    }

    /** The latest event of this payload type, as stored: the rows the baseline copies. */
    private Row sampleRow(String simpleName) throws Exception {
        try (Connection c = platform.rawConnection();
             PreparedStatement s = c.prepareStatement("SELECT type, timestamp, payloadtype, payloadrevision, payload, metadata"
                     + " FROM domainevententry WHERE payloadtype LIKE ? ORDER BY globalindex DESC LIMIT 1")) {
            s.setString(1, "%." + simpleName);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Row(rs.getString(1), rs.getObject(2), rs.getString(3), rs.getString(4), rs.getBytes(5), rs.getBytes(6));
            }
        }
    }
}
