package jp.kodoku.platform.events.event;

import jp.kodoku.platform.events.api.EventId;

import java.util.LinkedHashMap;
import java.util.Map;

/** Numbers as JdbcSymposiumNumbers gives them: the held one, else the next after the highest. */
final class InMemorySymposiumNumbers implements SymposiumNumbers {

    private final Map<EventId, Integer> held = new LinkedHashMap<>();

    InMemorySymposiumNumbers(int alreadyGiven) {
        for (int i = 1; i <= alreadyGiven; i++) {
            held.put(new EventId("earlier-symposium-" + i), i);
        }
    }

    @Override
    public synchronized int assign(EventId symposium) {
        return held.computeIfAbsent(symposium, s -> held.size() + 1);
    }
}
