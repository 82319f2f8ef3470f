package jp.kodoku.platform.gateway.nodes;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A one-time task of {@link TwoNodesSideEffectsTest}, added to each node with {@code spring.main.sources} as a module
 * declares its tasks: a bean. Not a {@code @Configuration}, so that no other test's platform scans it in.
 */
public class SideEffectsTestTasks {

    public record Run(String node, String instance) {
    }

    public static final List<Run> RUNS = Collections.synchronizedList(new ArrayList<>());

    @Bean
    OneTimeTask<Void> twoNodesTask(@Value("${platform.node-name}") String node) {
        return Tasks.oneTime("test.two-nodes").execute((instance, context) -> RUNS.add(new Run(node, instance.getId())));
    }
}
