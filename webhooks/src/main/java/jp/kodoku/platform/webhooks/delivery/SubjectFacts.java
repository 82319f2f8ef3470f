package jp.kodoku.platform.webhooks.delivery;

import jp.kodoku.platform.webhooks.WebhookCatalogue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
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

    /**
     * The facts for one transaction of the delivering processor: those of {@code subjects} read in one query, the
     * rules' changes written through and kept, so that each event is decided as of itself without a query per event.
     */
    Batch batch(Set<String> subjects) {
        Map<String, Set<String>> known = new HashMap<>();
        subjects.forEach(subject -> known.put(subject, new HashSet<>()));
        if (!subjects.isEmpty()) {
            jdbc.query("SELECT subject, fact FROM webhook_subject_facts WHERE subject IN ("
                       + String.join(", ", java.util.Collections.nCopies(subjects.size(), "?")) + ")",
                       row -> {
                           known.get(row.getString(1)).add(row.getString(2));
                       }, subjects.toArray());
        }
        return new Batch(known);
    }

    final class Batch {

        /** What holds of the subjects read so far, as the events applied so far leave it. */
        private final Map<String, Set<String>> known;

        private Batch(Map<String, Set<String>> known) {
            this.known = known;
        }

        void apply(Object payload) {
            SubjectFacts.this.apply(payload);
            for (WebhookCatalogue.FactRule<?> rule : WebhookCatalogue.FACTS) {
                if (rule.appliesTo(payload) && known.containsKey(rule.subjectOf(payload))) {
                    if (rule.holdsAfter(payload)) {
                        known.get(rule.subjectOf(payload)).add(rule.fact());
                    } else {
                        known.get(rule.subjectOf(payload)).remove(rule.fact());
                    }
                }
            }
        }

        boolean holdAll(String subject, Set<String> facts) {
            if (facts.isEmpty()) {
                return true;
            }
            return known.computeIfAbsent(subject, s -> new HashSet<>(jdbc.queryForList(
                    "SELECT fact FROM webhook_subject_facts WHERE subject = ?", String.class, s))).containsAll(facts);
        }
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
