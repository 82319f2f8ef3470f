package jp.kodoku.platform.infra.scheduling;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A one-time task of the tests, declared the way a module declares its own: a bean. */
// not a @Configuration: the test jar is on the gateway's classpath, whose component scan would pick it up
public class TestTasks {

    /** Task data as a module would have it: a record (stored as JSON). */
    public record Reminder(String registrationId, LocalDate eventDay, String title) {
    }

    public record Ran(String node, String instance, Reminder data) {
    }

    public static final List<Ran> RAN = Collections.synchronizedList(new ArrayList<>());

    @Bean
    OneTimeTask<Reminder> reminderTask(@Value("${platform.node-name}") String node) {
        return Tasks.oneTime("test.reminder", Reminder.class)
                    .execute((instance, context) -> RAN.add(new Ran(node, instance.getId(), instance.getData())));
    }
}
