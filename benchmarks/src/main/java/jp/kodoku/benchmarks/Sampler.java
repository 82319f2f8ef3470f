package jp.kodoku.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A poor man's wall-clock profiler for one phase: every 20 ms it takes the stacks of the threads that matter to the
 * phase and counts, per sample, the first frame that is not the JDK's (the thread's own code, or the library call it
 * waits in: a PostgreSQL or MongoDB round trip, a pooled connection, a lock) with the next few frames of the platform,
 * Axon or Spring that say which step it belongs to. Runnable threads count unless they only wait for a connection or
 * a request; threads that wait (parked, blocked) count only while inside a unit of work (a command, an event batch, a
 * request), tagged with their state. Java reports a thread blocked in a socket read as runnable, so time spent
 * waiting for PostgreSQL and MongoDB shows up here, which is the point: it is wall-clock time, not CPU time.
 */
final class Sampler implements AutoCloseable {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Predicate<String> threadNames;
    private final Map<String, Integer> frames = new HashMap<>();
    private final Map<String, Integer> paths = new HashMap<>();
    private final Thread thread;
    private final boolean enabled;
    private volatile boolean running = true;
    private int samples;
    private long[] threadIds = new long[0];

    Sampler(boolean enabled, Predicate<String> threadNames) {
        this.enabled = enabled;
        this.threadNames = threadNames;
        this.thread = new Thread(this::loop, "bench-sampler");
        this.thread.setDaemon(true);
        if (enabled) {
            thread.start();
        }
    }

    private void loop() {
        int round = 0;
        while (running) {
            if (round++ % 10 == 0) {
                refreshThreadIds();
            }
            sample();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Only the phase's threads are sampled: fewer stacks, a shorter pause for the application. */
    private void refreshThreadIds() {
        long[] all = threads.getAllThreadIds();
        ThreadInfo[] infos = threads.getThreadInfo(all, 0);
        List<Long> ids = new ArrayList<>();
        for (ThreadInfo info : infos) {
            if (info != null && threadNames.test(info.getThreadName())) {
                ids.add(info.getThreadId());
            }
        }
        threadIds = ids.stream().mapToLong(Long::longValue).toArray();
    }

    private void sample() {
        if (threadIds.length == 0) {
            return;
        }
        ThreadInfo[] infos = threads.getThreadInfo(threadIds, 64);
        synchronized (this) {
            samples++;
            for (ThreadInfo info : infos) {
                if (info == null || !threadNames.test(info.getThreadName())) {
                    continue;
                }
                StackTraceElement[] stack = info.getStackTrace();
                Thread.State state = info.getThreadState();
                if (stack.length == 0 || (state == Thread.State.RUNNABLE ? idle(stack) : !working(stack))) {
                    continue;
                }
                int first = firstOwnFrame(stack);
                String tag = state == Thread.State.RUNNABLE ? "" : "[" + state.name().toLowerCase(Locale.ROOT) + "] ";
                frames.merge(tag + frame(stack[first]), 1, Integer::sum);
                StringBuilder path = new StringBuilder(tag).append(frame(stack[first]));
                int added = 0;
                for (int i = first + 1; i < stack.length && added < 4; i++) {
                    if (interesting(stack[i])) {
                        path.append(" < ").append(frame(stack[i]));
                        added++;
                    }
                }
                paths.merge(path.toString(), 1, Integer::sum);
            }
        }
    }

    /** Threads waiting for a connection or a request: not work. */
    private static boolean idle(StackTraceElement[] stack) {
        String top = stack[0].getClassName() + "." + stack[0].getMethodName();
        if (top.startsWith("sun.nio.ch.EPoll.wait") || top.contains("accept")) {
            for (StackTraceElement e : stack) {
                String c = e.getClassName();
                if (c.startsWith("org.apache.tomcat") || c.startsWith("io.netty") || c.startsWith("jdk.internal.net.http")
                        || c.startsWith("de.bwaldvogel") || c.startsWith("sun.net.httpserver")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A thread that is not runnable still counts when it waits in the middle of a unit of work (for a lock, a pooled
     * connection, another thread): inside a command, an event batch or a request. Parked between jobs, it is idle.
     */
    private static boolean working(StackTraceElement[] stack) {
        for (StackTraceElement e : stack) {
            String c = e.getClassName();
            String m = e.getMethodName();
            if ((c.startsWith("jp.kodoku.platform.") && !c.contains("$$"))
                    || c.equals("org.axonframework.eventhandling.pooled.WorkPackage") && m.startsWith("processEvents")
                    || c.equals("org.springframework.web.servlet.DispatcherServlet") && m.equals("doDispatch")
                    || c.startsWith("jp.kodoku.benchmarks.") && (m.startsWith("lambda$commands") || m.startsWith("lambda$run"))) {
                return true;
            }
        }
        return false;
    }

    private static int firstOwnFrame(StackTraceElement[] stack) {
        for (int i = 0; i < stack.length; i++) {
            String c = stack[i].getClassName();
            if (!(c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.") || c.startsWith("javax."))) {
                return i;
            }
        }
        return 0;
    }

    /** Frames that say which step of the platform a wait or a computation belongs to. */
    private static boolean interesting(StackTraceElement e) {
        String c = e.getClassName();
        String m = e.getMethodName();
        if (c.contains("$$") || m.startsWith("lambda$") && c.startsWith("org.axonframework.tracing")) {
            return false;
        }
        return c.startsWith("jp.kodoku")
                || c.startsWith("org.axonframework") && !c.startsWith("org.axonframework.tracing")
                        && !c.startsWith("org.axonframework.messaging.DefaultInterceptorChain")
                        && !c.startsWith("org.axonframework.messaging.annotation")
                        && !c.startsWith("org.axonframework.common.jdbc")
                || c.startsWith("org.springframework.data.mongodb.core.MongoTemplate")
                || c.startsWith("org.springframework.transaction.support.AbstractPlatformTransactionManager")
                || c.startsWith("org.springframework.security.oauth2") || c.startsWith("com.zaxxer.hikari.pool.HikariPool");
    }

    private static String frame(StackTraceElement e) {
        String c = e.getClassName();
        int dot = c.lastIndexOf('.');
        String pkg = dot < 0 ? "" : c.substring(0, dot);
        String[] parts = pkg.split("\\.");
        String shortPkg = parts.length <= 2 ? pkg : parts[0] + "." + parts[1] + "…";
        return shortPkg + "." + c.substring(dot + 1) + "." + e.getMethodName();
    }

    @Override
    public void close() {
        running = false;
        if (enabled) {
            thread.interrupt();
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The top entries (share of all runnable-thread samples), for the report and the JSON. */
    synchronized Map<String, Object> summary(int top) {
        Map<String, Object> result = new LinkedHashMap<>();
        int total = frames.values().stream().mapToInt(Integer::intValue).sum();
        result.put("samples", samples);
        result.put("runnableThreadSamples", total);
        result.put("topFrames", top(frames, total, top));
        result.put("topPaths", top(paths, total, top));
        return result;
    }

    private static List<String> top(Map<String, Integer> counts, int total, int top) {
        List<String> lines = new ArrayList<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
              .forEach(e -> lines.add(String.format(Locale.ROOT, "%5.1f%%  %s", 100.0 * e.getValue() / Math.max(1, total), e.getKey())));
        return lines;
    }

    void print(String title, int top) {
        if (!enabled) {
            return;
        }
        Map<String, Object> s = summary(top);
        System.out.println("  profile of " + title + " (" + s.get("runnableThreadSamples") + " runnable-thread samples):");
        @SuppressWarnings("unchecked")
        List<String> lines = (List<String>) s.get("topPaths");
        lines.forEach(line -> System.out.println("    " + line));
    }
}
