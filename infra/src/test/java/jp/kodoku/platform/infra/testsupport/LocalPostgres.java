package jp.kodoku.platform.infra.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real, throw-away PostgreSQL server for tests, shared by every test in the JVM.
 *
 * <p>If {@code PLATFORM_TEST_POSTGRES_URL} is set (a JDBC URL to an administrative database, with
 * {@code PLATFORM_TEST_POSTGRES_USER} / {@code PLATFORM_TEST_POSTGRES_PASSWORD}), that server is used and the
 * databases created by this JVM are dropped when it exits. Otherwise a private cluster is created with the local
 * PostgreSQL binaries ({@code pg_config --bindir}, else the newest {@code /usr/lib/postgresql/<version>/bin}):
 * {@code initdb} into a fresh temporary directory, {@code pg_ctl start} on a free port on 127.0.0.1 (unix socket
 * inside that directory, {@code fsync} left on), and {@code pg_ctl stop -m fast} plus removal of the directory in a
 * JVM shutdown hook. When the JVM runs as root, the PostgreSQL programs are run as the {@code postgres} user via
 * {@code runuser}, because PostgreSQL refuses to run as root. Clusters left behind by JVMs that were killed are
 * stopped and removed the next time a cluster is started.
 *
 * <p>Each call to {@link #createDatabase(String)} creates a new, empty database, so each Spring test context can
 * get its own.
 */
public final class LocalPostgres {

    public static final String URL_ENV = "PLATFORM_TEST_POSTGRES_URL";
    public static final String USER_ENV = "PLATFORM_TEST_POSTGRES_USER";
    public static final String PASSWORD_ENV = "PLATFORM_TEST_POSTGRES_PASSWORD";

    private static final String LOCAL_USER = "platform";
    private static final String OS_USER = "postgres";
    private static final String DIR_PREFIX = "platform-test-pg-";
    private static final String OWNER_FILE = "owner.pid";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(180);
    private static final Pattern JDBC_URL =
            Pattern.compile("^(jdbc:postgresql://[^/?]*)(?:/([^?]*))?(\\?.*)?$", Pattern.CASE_INSENSITIVE);

    private static volatile LocalPostgres instance;

    private final String adminJdbcUrl;
    private final String urlPrefix;
    private final String urlSuffix;
    private final String username;
    private final String password;
    private final int port;
    private final boolean external;
    private final AtomicInteger counter = new AtomicInteger();
    private final List<String> createdDatabases = new ArrayList<>();

    private LocalPostgres(String adminJdbcUrl, String username, String password, int port, boolean external) {
        Matcher m = JDBC_URL.matcher(adminJdbcUrl);
        if (!m.matches()) {
            throw new IllegalStateException("Unsupported PostgreSQL JDBC URL (expected jdbc:postgresql://host[:port]/database[?params]): "
                    + adminJdbcUrl);
        }
        this.adminJdbcUrl = adminJdbcUrl;
        this.urlPrefix = m.group(1);
        this.urlSuffix = m.group(3) == null ? "" : m.group(3);
        this.username = username;
        this.password = password == null ? "" : password;
        this.port = port;
        this.external = external;
    }

    /** The JVM-wide server, started (or connected to) on first use. */
    public static LocalPostgres instance() {
        LocalPostgres result = instance;
        if (result == null) {
            synchronized (LocalPostgres.class) {
                result = instance;
                if (result == null) {
                    result = create();
                    instance = result;
                }
            }
        }
        return result;
    }

    /** Creates a new, empty database whose name starts with {@code prefix} and returns its JDBC URL. */
    public String createDatabase(String prefix) {
        String name = databaseName(prefix);
        try (Connection c = adminConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + quoteIdent(name) + " ENCODING 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name + " via " + adminJdbcUrl, e);
        }
        synchronized (createdDatabases) {
            createdDatabases.add(name);
        }
        return urlPrefix + "/" + name + urlSuffix;
    }

    public String username() {
        return username;
    }

    /** The password; empty for the private cluster, which uses trust authentication. */
    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    public String adminJdbcUrl() {
        return adminJdbcUrl;
    }

    /** A PostgreSQL client program beside the server binaries ({@code pg_dump}, {@code pg_restore}). */
    public static Path program(String name) {
        return LocalCluster.findBinDir().map(dir -> dir.resolve(name)).filter(Files::isExecutable)
                           .orElseThrow(() -> new IllegalStateException("no " + name + " beside the PostgreSQL server programs"));
    }

    /** True if the server came from {@code PLATFORM_TEST_POSTGRES_URL} rather than being started by this JVM. */
    public boolean isExternal() {
        return external;
    }

    // ------------------------------------------------------------------------------------------------------------

    private static LocalPostgres create() {
        String url = System.getenv(URL_ENV);
        if (url != null && !url.isBlank()) {
            return external(url.trim());
        }
        return LocalCluster.start();
    }

    private static LocalPostgres external(String url) {
        String user = Optional.ofNullable(System.getenv(USER_ENV)).orElse("");
        String password = Optional.ofNullable(System.getenv(PASSWORD_ENV)).orElse("");
        int port = 5432;
        Properties parsed = org.postgresql.Driver.parseURL(url, new Properties());
        if (parsed == null) {
            throw new IllegalStateException(URL_ENV + " is not a PostgreSQL JDBC URL: " + url);
        }
        String ports = parsed.getProperty("PGPORT");
        if (ports != null && !ports.isBlank()) {
            port = Integer.parseInt(ports.split(",")[0].trim());
        }
        if (user.isEmpty()) {
            user = parsed.getProperty("user", "");
        }
        if (password.isEmpty()) {
            password = parsed.getProperty("password", "");
        }
        LocalPostgres pg = new LocalPostgres(url, user, password, port, true);
        pg.awaitConnectable(Duration.ofSeconds(30));
        Runtime.getRuntime().addShutdownHook(new Thread(pg::dropCreatedDatabases, "LocalPostgres-drop-databases"));
        return pg;
    }

    private Connection adminConnection() throws SQLException {
        Properties props = new Properties();
        if (!username.isEmpty()) {
            props.setProperty("user", username);
        }
        if (!password.isEmpty()) {
            props.setProperty("password", password);
        }
        return DriverManager.getConnection(adminJdbcUrl, props);
    }

    private void awaitConnectable(Duration timeout) {
        try {
            org.awaitility.Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                                     .until(() -> {
                                         try (Connection c = adminConnection(); Statement s = c.createStatement()) {
                                             return s.execute("select 1");
                                         }
                                     });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new IllegalStateException("PostgreSQL at " + adminJdbcUrl + " does not accept connections", e);
        }
    }

    private void dropCreatedDatabases() {
        List<String> names;
        synchronized (createdDatabases) {
            names = new ArrayList<>(createdDatabases);
        }
        if (names.isEmpty()) {
            return;
        }
        try (Connection c = adminConnection(); Statement s = c.createStatement()) {
            for (String name : names) {
                try {
                    s.execute("DROP DATABASE IF EXISTS " + quoteIdent(name) + " WITH (FORCE)");
                } catch (SQLException e) {
                    System.err.println("LocalPostgres: could not drop test database " + name + ": " + e.getMessage());
                }
            }
        } catch (SQLException e) {
            System.err.println("LocalPostgres: could not drop test databases " + names + ": " + e.getMessage());
        }
    }

    private String databaseName(String prefix) {
        String p = prefix == null ? "" : prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
        if (p.isEmpty() || !Character.isLetter(p.charAt(0))) {
            p = "t_" + p;
        }
        String suffix = "_" + counter.incrementAndGet() + "_" + UUID.randomUUID().toString().substring(0, 8);
        int max = 63 - suffix.length();
        if (p.length() > max) {
            p = p.substring(0, max);
        }
        return p + suffix;
    }

    private static String quoteIdent(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }


    // ------------------------------------------------------------------------------------------------------------

    /** Starting, stopping and cleaning up a private cluster. */
    private static final class LocalCluster {

        private final Path binDir;
        private final Path baseDir;
        private final Path dataDir;
        private final Path logFile;
        private final boolean root;

        private LocalCluster(Path binDir, Path baseDir, boolean root) {
            this.binDir = binDir;
            this.baseDir = baseDir;
            this.dataDir = baseDir.resolve("data");
            this.logFile = baseDir.resolve("postgres.log");
            this.root = root;
        }

        static LocalPostgres start() {
            long started = System.nanoTime();
            Path binDir = findBinDir().orElseThrow(() -> new IllegalStateException(
                    "No PostgreSQL server binaries (initdb, pg_ctl) found: neither `pg_config --bindir` nor "
                            + "/usr/lib/postgresql/<version>/bin has them. Run bin/test (it installs Debian's "
                            + "postgresql package), or install it yourself (apt-get install postgresql), or point "
                            + URL_ENV + " at an existing server."));
            boolean root = runningAsRoot();
            if (root && !Files.isExecutable(Paths.get("/usr/sbin/runuser")) && !Files.isExecutable(Paths.get("/sbin/runuser"))
                    && !Files.isExecutable(Paths.get("/usr/bin/runuser"))) {
                throw new IllegalStateException("Running as root, but `runuser` (util-linux) is missing; PostgreSQL "
                        + "refuses to run as root and must be started as the '" + OS_USER + "' user.");
            }
            Path tmp = Paths.get(System.getProperty("java.io.tmpdir"));
            reapAbandonedClusters(tmp, binDir, root);

            Path baseDir;
            try {
                baseDir = Files.createTempDirectory(tmp, DIR_PREFIX);
                Files.writeString(baseDir.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create a temporary directory under " + tmp, e);
            }
            LocalCluster cluster = new LocalCluster(binDir, baseDir, root);
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::stopAndDelete, "LocalPostgres-stop"));
            try {
                if (root) {
                    cluster.run(Duration.ofSeconds(30), "chown", "-R", OS_USER + ":", baseDir.toString());
                }
                cluster.initdb();
                int port = cluster.startOnFreePort();
                LocalPostgres pg = new LocalPostgres(
                        "jdbc:postgresql://127.0.0.1:" + port + "/postgres", LOCAL_USER, "", port, false);
                pg.awaitConnectable(STARTUP_TIMEOUT);
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                System.err.println("LocalPostgres: PostgreSQL from " + binDir + " started on 127.0.0.1:" + port
                        + " in " + millis + " ms (cluster " + baseDir + (root ? ", run as " + OS_USER : "") + ")");
                return pg;
            } catch (RuntimeException e) {
                cluster.stopAndDelete();
                throw e;
            }
        }

        private void initdb() {
            List<String> cmd = new ArrayList<>(List.of(
                    binDir.resolve("initdb").toString(),
                    "--pgdata=" + dataDir,
                    "--username=" + LOCAL_USER,
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--locale=C",
                    // Only skips initdb's final flush of the fresh files; the server itself runs with fsync on.
                    "--no-sync"));
            if (Files.isDirectory(Paths.get("/usr/lib/locale/C.utf8"))) {
                // Character classification for non-ASCII text; collation stays "C" (byte order, no glibc dependency).
                cmd.add("--lc-ctype=C.UTF-8");
            }
            runAsPostgres(COMMAND_TIMEOUT, cmd);
        }

        private int startOnFreePort() {
            IllegalStateException last = null;
            for (int attempt = 0; attempt < 5; attempt++) {
                int port = freePort();
                String options = "-p " + port
                        + " -c listen_addresses=127.0.0.1"
                        + " -c unix_socket_directories=" + shellQuote(baseDir.toString())
                        + " -c max_connections=200"
                        + " -c fsync=on";
                try {
                    runAsPostgres(COMMAND_TIMEOUT, List.of(
                            binDir.resolve("pg_ctl").toString(),
                            "start",
                            "-D", dataDir.toString(),
                            "-l", logFile.toString(),
                            "-w",
                            "-t", Long.toString(STARTUP_TIMEOUT.toSeconds()),
                            "-o", options));
                    return port;
                } catch (IllegalStateException e) {
                    last = e;
                    String log = readLog();
                    if (!log.contains("could not bind") && !log.contains("Address already in use")) {
                        throw new IllegalStateException(e.getMessage() + "\n--- " + logFile + " ---\n" + log, e);
                    }
                    stopQuietly("immediate");
                }
            }
            throw new IllegalStateException("Could not start PostgreSQL on a free port", last);
        }

        private void stopAndDelete() {
            try {
                if (Files.exists(dataDir.resolve("postmaster.pid"))) {
                    if (!stopQuietly("fast")) {
                        stopQuietly("immediate");
                    }
                }
            } finally {
                deleteRecursively(baseDir);
            }
        }

        private boolean stopQuietly(String mode) {
            try {
                runAsPostgres(Duration.ofSeconds(90), List.of(
                        binDir.resolve("pg_ctl").toString(), "stop", "-D", dataDir.toString(),
                        "-m", mode, "-w", "-t", "60"));
                return true;
            } catch (RuntimeException e) {
                System.err.println("LocalPostgres: pg_ctl stop -m " + mode + " failed: " + e.getMessage());
                return false;
            }
        }

        private String readLog() {
            try {
                return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
            } catch (IOException e) {
                return "(could not read " + logFile + ": " + e + ")";
            }
        }

        private void runAsPostgres(Duration timeout, List<String> command) {
            List<String> full = new ArrayList<>();
            if (root) {
                full.addAll(List.of("runuser", "-u", OS_USER, "--"));
            }
            full.addAll(command);
            run(timeout, full.toArray(String[]::new));
        }

        private String run(Duration timeout, String... command) {
            return LocalCluster.run(baseDir, timeout, command);
        }

        /**
         * Stops and removes clusters whose owning JVM no longer exists (for example a test JVM that was killed, so its
         * shutdown hook never ran).
         */
        private static void reapAbandonedClusters(Path tmp, Path binDir, boolean root) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, DIR_PREFIX + "*")) {
                for (Path dir : dirs) {
                    try {
                        Path owner = dir.resolve(OWNER_FILE);
                        if (!Files.isRegularFile(owner)) {
                            continue;
                        }
                        long pid = Long.parseLong(Files.readString(owner).trim());
                        if (ownerAlive(pid, Files.getLastModifiedTime(owner).toInstant())) {
                            continue;
                        }
                        LocalCluster stale = new LocalCluster(binDir, dir, root);
                        if (Files.exists(stale.dataDir.resolve("postmaster.pid"))) {
                            stale.stopQuietly("immediate");
                        }
                        deleteRecursively(dir);
                        System.err.println("LocalPostgres: removed abandoned cluster " + dir + " (owner pid " + pid + ")");
                    } catch (IOException | RuntimeException e) {
                        // Not ours to clean up (permissions, or another JVM still writing it): leave it.
                    }
                }
            } catch (IOException e) {
                // Nothing to reap.
            }
        }

        /** Whether the JVM that wrote an owner file is still running (not a zombie, not a re-used pid). */
        private static boolean ownerAlive(long pid, java.time.Instant ownerWritten) {
            Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (handle.isEmpty()) {
                return false;
            }
            Optional<java.time.Instant> startedAt = handle.get().info().startInstant();
            if (startedAt.isPresent() && startedAt.get().isAfter(ownerWritten.plusSeconds(5))) {
                return false;
            }
            try {
                String stat = Files.readString(Paths.get("/proc", Long.toString(pid), "stat"));
                String afterName = stat.substring(stat.lastIndexOf(')') + 1).trim();
                return !afterName.startsWith("Z") && !afterName.startsWith("X");
            } catch (IOException | RuntimeException e) {
                return true;
            }
        }

        private static String run(Path workDir, Duration timeout, String... command) {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            // postgres must be able to enter its working directory; the JVM's may be private to root.
            if (workDir != null && Files.isDirectory(workDir)) {
                pb.directory(workDir.toFile());
            }
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("PG"));
            env.put("LC_ALL", "C");
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                throw new IllegalStateException("Could not run " + String.join(" ", command) + ": " + e.getMessage(), e);
            }
            // pg_ctl start leaves the server's stdout attached only to the log file, so reading to EOF is safe.
            StringBuffer out = new StringBuffer();
            Thread reader = new Thread(() -> {
                try {
                    out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // process went away
                }
            }, "LocalPostgres-output");
            reader.setDaemon(true);
            reader.start();
            try {
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("Timed out after " + timeout.toSeconds() + " s: "
                            + String.join(" ", command));
                }
                reader.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
                throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
            }
            String output = out.toString();
            if (p.exitValue() != 0) {
                throw new IllegalStateException("Command failed (exit " + p.exitValue() + "): "
                        + String.join(" ", command) + "\n" + output);
            }
            return output;
        }

        private static Optional<Path> findBinDir() {
            try {
                String out = run(null, Duration.ofSeconds(30), "pg_config", "--bindir").trim();
                if (!out.isEmpty()) {
                    Path dir = Paths.get(out.lines().reduce((a, b) -> b).orElse(out).trim());
                    if (hasServerBinaries(dir)) {
                        return Optional.of(dir);
                    }
                }
            } catch (RuntimeException e) {
                // no pg_config (or only libpq-dev's, without a server): fall through
            }
            Path root = Paths.get("/usr/lib/postgresql");
            if (!Files.isDirectory(root)) {
                return Optional.empty();
            }
            try (Stream<Path> versions = Files.list(root)) {
                return versions
                        .filter(v -> hasServerBinaries(v.resolve("bin")))
                        .max(Comparator.comparing(v -> versionKey(v.getFileName().toString())))
                        .map(v -> v.resolve("bin"));
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        private static boolean hasServerBinaries(Path dir) {
            return Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl"))
                    && Files.isExecutable(dir.resolve("postgres"));
        }

        /** "9.6" &lt; "15" &lt; "16": compares numeric parts, zero-padded. */
        private static String versionKey(String name) {
            StringBuilder key = new StringBuilder();
            for (String part : name.split("\\.")) {
                key.append(part.matches("\\d+") ? String.format("%010d", Long.parseLong(part)) : part).append('.');
            }
            return key.toString();
        }

        private static boolean runningAsRoot() {
            try {
                return "0".equals(run(null, Duration.ofSeconds(10), "id", "-u").trim());
            } catch (RuntimeException e) {
                return "root".equals(System.getProperty("user.name"));
            }
        }

        private static int freePort() {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                s.setReuseAddress(true);
                return s.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not find a free port", e);
            }
        }

        private static String shellQuote(String s) {
            return "'" + s.replace("'", "'\\''") + "'";
        }

        private static void deleteRecursively(Path dir) {
            if (!Files.exists(dir)) {
                return;
            }
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException ignored) {
                        // best effort
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                System.err.println("LocalPostgres: could not delete " + dir + ": " + e.getMessage());
            }
        }
    }
}
