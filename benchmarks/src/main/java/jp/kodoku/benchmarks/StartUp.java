package jp.kodoku.benchmarks;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-up: the platform as a separate JVM ({@code java -cp … PlatformApplication}, default JVM options) against the
 * PostgreSQL database that holds the large event store and the MongoDB endpoint that holds its read models; the time
 * from starting the process to the first 200 of {@code /readyz}; then heap after a full collection
 * ({@code jcmd GC.run}, {@code GC.heap_info}) and the process RSS ({@code VmRSS}). The baseline is
 * {@link BareApplication} measured the same way.
 */
final class StartUp {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final Platform platform;
    private final Options options;
    private final Results results;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    StartUp(Platform platform, Options options, Results results) {
        this.platform = platform;
        this.options = options;
        this.results = results;
    }

    /** @param settledSeconds when the platform's directory index had loaded (it loads after ready); -1 for the bare app */
    record Measured(double readySeconds, double settledSeconds, double heapAfterGcMb, double rssMb, double rssBeforeGcMb,
                    String log) {
        Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("readySeconds", readySeconds);
            m.put("directoryIndexLoadedSeconds", settledSeconds);
            m.put("heapAfterFullGcMiB", heapAfterGcMb);
            m.put("rssMiB", rssMb);
            m.put("rssBeforeGcMiB", rssBeforeGcMb);
            m.put("log", log);
            return m;
        }
    }

    void run(long events) throws Exception {
        String classpath = System.getProperty("java.class.path");
        String benchmarkClasses = BareApplication.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        // the platform gets the class path without the benchmark's own classes
        String platformClasspath = String.join(File.pathSeparator, java.util.Arrays.stream(classpath.split(File.pathSeparator))
                                                                                     .filter(e -> !samePath(e, benchmarkClasses)).toList());
        Measured bare = measure("bare", classpath, BareApplication.class.getName(), List.of());
        int port = freePort();
        Measured platformRun = measure("platform", platformClasspath, "jp.kodoku.platform.gateway.PlatformApplication",
                platform.arguments(port), port);
        String note = String.format(Locale.ROOT, "separate JVM, default options, %,d events in PostgreSQL; directory index "
                + "loaded (in the background) after %.1f s, heap measured then; log %s", events, platformRun.settledSeconds(),
                platformRun.log());
        results.ceiling("startup.ready", "start-up: process start → /readyz 200", platformRun.readySeconds(), "s",
                bare.readySeconds(), "bare Spring MVC app, same JVM and class path", 15.0, note);
        results.ceiling("startup.heap", "start-up: heap after full GC", platformRun.heapAfterGcMb(), "MiB",
                bare.heapAfterGcMb(), "bare Spring MVC app", null, null);
        results.ceiling("startup.rss", "start-up: process RSS (after full GC)", platformRun.rssMb(), "MiB",
                bare.rssMb(), "bare Spring MVC app", null,
                String.format(Locale.ROOT, "RSS before the full GC: %.0f MiB", platformRun.rssBeforeGcMb()));
        results.detail("startup", Map.of("platform", platformRun.asMap(), "bare", bare.asMap(), "events", events));
    }

    private Measured measure(String label, String classpath, String mainClass, List<String> args) throws Exception {
        int port = freePort();
        List<String> withPort = new ArrayList<>(args);
        withPort.add("--server.port=" + port);
        return measure(label, classpath, mainClass, withPort, port);
    }

    private Measured measure(String label, String classpath, String mainClass, List<String> args, int port) throws Exception {
        Path log = options.work().resolve("startup-" + label + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", classpath, mainClass));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        URI health = URI.create("http://127.0.0.1:" + port + "/readyz");
        long t0 = System.nanoTime();
        Process process = builder.start();
        try {
            double ready = -1;
            long deadline = t0 + READY_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline && process.isAlive()) {
                try {
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) {
                        ready = (System.nanoTime() - t0) / 1e9;
                        break;
                    }
                } catch (java.io.IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(25);
            }
            if (ready < 0) {
                throw new IllegalStateException(label + " did not become ready within " + READY_TIMEOUT.toSeconds()
                        + " s (alive: " + process.isAlive() + "); see " + log);
            }
            double settled = "platform".equals(label) ? settled(log, t0, deadline) : -1;
            long pid = process.pid();
            double rssBefore = rssMb(pid);
            jcmd(pid, "GC.run");
            String heapInfo = jcmd(pid, "GC.heap_info");
            double heap = heapUsedMb(heapInfo);
            double rss = rssMb(pid);
            System.out.printf(Locale.ROOT, "  %s: ready in %.1f s%s, heap after full GC %.0f MiB, RSS %.0f MiB (before GC %.0f MiB)%n",
                    label, ready, settled < 0 ? "" : String.format(Locale.ROOT, ", directory index loaded after %.1f s", settled),
                    heap, rss, rssBefore);
            return new Measured(ready, settled, heap, rss, rssBefore, log.toString());
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static String jcmd(long pid, String what) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd", Long.toString(pid), what)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + pid + " " + what + " failed: " + out);
        }
        return out;
    }

    /**
     * Seconds from the start until the log says the directory index has loaded (the heap is measured after it, so that
     * it holds the index); -1 if the log does not say so in time.
     */
    private static double settled(Path log, long t0, long deadline) throws IOException {
        while (System.nanoTime() < deadline) {
            if (Files.readString(log).contains("organizations loaded in")) {
                return (System.nanoTime() - t0) / 1e9;
            }
            Platform.sleep(100);
        }
        return -1;
    }

    /** G1: the "garbage-first heap … used NK" line; other collectors: the sum of their generations. */
    static double heapUsedMb(String heapInfo) {
        long kb = 0;
        boolean found = false;
        for (String line : heapInfo.split("\\R")) {
            if (line.contains("Metaspace") || line.contains("class space")) {
                continue;
            }
            Matcher used = HEAP_USED.matcher(line);
            if ((line.contains("heap") || line.contains("generation")) && used.find()) {
                kb += Long.parseLong(used.group(1));
                found = true;
                if (line.contains("garbage-first heap")) {
                    break;
                }
            }
        }
        return found ? kb / 1024.0 : Double.NaN;
    }

    private static double rssMb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    private static boolean samePath(String entry, String other) {
        try {
            return Path.of(entry).toAbsolutePath().normalize().equals(Path.of(other).toAbsolutePath().normalize());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
