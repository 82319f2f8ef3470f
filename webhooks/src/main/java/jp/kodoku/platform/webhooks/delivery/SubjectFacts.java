package jp.kodoku.platform.webhooks.delivery;

import jp.kodoku.platform.webhooks.WebhookCatalogue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What is true of each subject now ({@code webhook_subject_facts}), kept by the catalogue's fact rules in the
 * delivering processor's order. A replay keeps the same facts in memory ({@link InMemory}), from the first event on.
 */
@Component
class SubjectFacts {

    private final JdbcTemplate jdbc;

    SubjectFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void apply(Object payload) {
        for (WebhookCatalogue.FactRule<?> rule : WebhookCatalogue.FACTS) {
            if (rule.appliesTo(payload)) {
                String subject = rule.subjectOf(payload);
                if (rule.holdsAfter(payload)) {
                    jdbc.update("INSERT INTO webhook_subject_facts (subject, fact) VALUES (?, ?) ON CONFLICT DO NOTHING",
                                subject, rule.fact());
                } else {
                    jdbc.update("DELETE FROM webhook_subject_facts WHERE subject = ? AND fact = ?", subject, rule.fact());
                }
            }
        }
    }

    boolean holdAll(String subject, Set<String> facts) {
        if (facts.isEmpty()) {
            return true;
        }
        Set<String> held = new HashSet<>(jdbc.queryForList(
                "SELECT fact FROM webhook_subject_facts WHERE subject = ?", String.class, subject));
        return held.containsAll(facts);
    }

    /** The same rules over a map, for a replay that reads the history from its start. */
    static final class InMemory {

        private final Map<String, Set<String>> facts = new java.util.HashMap<>();

        void apply(Object payload) {
            for (WebhookCatalogue.FactRule<?> rule : WebhookCatalogue.FACTS) {
                if (rule.appliesTo(payload)) {
                    Set<String> of = facts.computeIfAbsent(rule.subjectOf(payload), s -> new HashSet<>());
                    if (rule.holdsAfter(payload)) {
                        of.add(rule.fact());
                    } else {
                        of.remove(rule.fact());
                    }
                }
            }
        }

        boolean holdAll(String subject, Set<String> required) {
            return required.isEmpty() || facts.getOrDefault(subject, Set.of()).containsAll(required);
        }
    }
}
