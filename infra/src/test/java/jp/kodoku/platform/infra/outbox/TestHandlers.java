package jp.kodoku.platform.infra.outbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Outbox handlers of the tests: "greeting" records what it handled (which node, which key, which attempt); "flaky"
 * fails as often as its payload says, then succeeds; "refused" always fails for good.
 */
// not a @Configuration: the test jar is on the gateway's classpath, whose component scan would pick it up
public class TestHandlers {

    public record Greeting(String text) {
    }

    public record Flaky(String key, int failures, boolean permanent) {
    }

    public record Handled(String node, String dedupeKey, int attempt, String payload) {
    }

    /** Everything any node handled, in order. */
    public static final List<Handled> HANDLED = Collections.synchronizedList(new ArrayList<>());
    static final Map<String, AtomicInteger> FLAKY_CALLS = new ConcurrentHashMap<>();

    public static void reset() {
        HANDLED.clear();
        FLAKY_CALLS.clear();
    }

    @Bean
    OutboxHandler<Greeting> greetingHandler(@Value("${platform.node-name}") String node) {
        return new OutboxHandler<>() {
            @Override
            public String kind() {
                return "greeting";
            }

            @Override
            public Class<Greeting> payloadType() {
                return Greeting.class;
            }

            @Override
            public void handle(OutboxItem<Greeting> item) {
                HANDLED.add(new Handled(node, item.dedupeKey(), item.attempt(), item.payload().text()));
            }
        };
    }

    @Bean
    OutboxHandler<Flaky> flakyHandler(@Value("${platform.node-name}") String node) {
        return new OutboxHandler<>() {
            @Override
            public String kind() {
                return "flaky";
            }

            @Override
            public Class<Flaky> payloadType() {
                return Flaky.class;
            }

            @Override
            public void handle(OutboxItem<Flaky> item) {
                int call = FLAKY_CALLS.computeIfAbsent(item.dedupeKey(), k -> new AtomicInteger()).incrementAndGet();
                if (call <= item.payload().failures()) {
                    if (item.payload().permanent()) {
                        throw new PermanentFailure("550 宛先が存在しません");
                    }
                    throw new IllegalStateException("421 しばらくしてから再送してください (call " + call + ")");
                }
                HANDLED.add(new Handled(node, item.dedupeKey(), item.attempt(), item.payload().key()));
            }
        };
    }
}
