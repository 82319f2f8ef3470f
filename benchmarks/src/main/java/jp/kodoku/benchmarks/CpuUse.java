package jp.kodoku.benchmarks;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where the CPU went during a measured window, per operation: this JVM's threads grouped by what they do (the
 * clients, each event processor, the MongoDB wire server, the web server) and, from {@code /proc/stat}, the rest of
 * the machine (PostgreSQL, Keycloak, the kernel). A sampler shows where one thread waits; this shows what each
 * operation costs the whole machine, which on two cores is what bounds the rate.
 */
final class CpuUse {

    private static final Pattern PROCESSOR = Pattern.compile(".*\\[([a-z-]+)].*");
    private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ = 100 on Linux

    private final Map<Long, Long> threadNanos;
    private final Map<Long, String> threadGroups;
    private final long processNanos;
    private final long machineBusyNanos;
    /** JIT compiler and garbage collector threads are not Java threads: their time comes from their own beans. */
    private final long compilingMillis;
    private final long collectingMillis;

    private CpuUse(Map<Long, Long> threadNanos, Map<Long, String> threadGroups, long processNanos, long machineBusyNanos,
                   long compilingMillis, long collectingMillis) {
        this.threadNanos = threadNanos;
        this.threadGroups = threadGroups;
        this.processNanos = processNanos;
        this.machineBusyNanos = machineBusyNanos;
        this.compilingMillis = compilingMillis;
        this.collectingMillis = collectingMillis;
    }

    static CpuUse now() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> nanos = new HashMap<>();
        Map<Long, String> groups = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu >= 0) {
                nanos.put(info.getThreadId(), cpu);
                groups.put(info.getThreadId(), groupOf(info.getThreadName()));
            }
        }
        long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long collecting = ManagementFactory.getGarbageCollectorMXBeans().stream()
                                           .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        return new CpuUse(nanos, groups, process, machineBusyNanos(), compilingMillis(), collecting);
    }

    /** Milliseconds the JIT compiler has spent so far (all its threads): how busy it is, measured over a stretch. */
    static long compilingMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    static String groupOf(String threadName) {
        if (threadName.startsWith("bench-client") || threadName.startsWith("bench-load")) {
            return "clients";
        }
        if (threadName.contains("mongo-server")) {
            return "read store (mongo-java-server)";
        }
        if (threadName.startsWith("http-nio")) {
            return "web server";
        }
        Matcher processor = PROCESSOR.matcher(threadName);
        if (processor.matches()) {
            return "processor " + processor.group(1);
        }
        return "other threads of the JVM";
    }

    /** Milliseconds of CPU per operation since {@code start}, by group; "machine" and "outside the JVM" included. */
    Map<String, Double> perOperationSince(CpuUse start, long operations) {
        Map<String, Long> byGroup = new TreeMap<>();
        threadNanos.forEach((id, nanos) -> byGroup.merge(threadGroups.get(id),
                nanos - start.threadNanos.getOrDefault(id, 0L), Long::sum));
        long jvm = processNanos - start.processNanos;
        long machine = machineBusyNanos - start.machineBusyNanos;
        Map<String, Double> perOperation = new LinkedHashMap<>();
        double ops = Math.max(1, operations);
        perOperation.put("machine", machine / 1e6 / ops);
        perOperation.put("outside the JVM (PostgreSQL, Keycloak, kernel)", Math.max(0, machine - jvm) / 1e6 / ops);
        perOperation.put("JVM", jvm / 1e6 / ops);
        perOperation.put("JIT compiling (elapsed)", (compilingMillis - start.compilingMillis) / ops);
        perOperation.put("GC (elapsed)", (collectingMillis - start.collectingMillis) / ops);
        byGroup.entrySet().stream()
               .filter(e -> e.getValue() > 0)
               .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
               .forEach(e -> perOperation.put(e.getKey(), e.getValue() / 1e6 / ops));
        return perOperation;
    }

    static String describe(Map<String, Double> perOperation, String unit) {
        return perOperation.entrySet().stream()
                           .filter(e -> e.getValue() >= 0.005)
                           .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()))
                           .collect(Collectors.joining(", ", "CPU ms per " + unit + ": ", ""));
    }

    /** user + nice + system + irq + softirq + steal of all CPUs, from the first line of /proc/stat. */
    private static long machineBusyNanos() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[]{1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(cpu[i]);
            }
            return busy * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0; // not Linux: the JVM's own figures remain
        }
    }
}
