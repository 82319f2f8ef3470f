package jp.kodoku.platform.infra.readmodel;

import jp.kodoku.platform.infra.errors.RuleViolation;

import java.util.Map;
import java.util.Set;

/**
 * A rebuild sent to a node that does not own the projection: only the node holding its segments can reset them. The
 * caller sends it again to the owner (or, if the owner is gone, after the other node has taken the segments over).
 */
public class ProjectionOwnedElsewhere extends RuleViolation {

    private final String projection;
    private final Set<String> owners;

    public ProjectionOwnedElsewhere(String projection, Set<String> owners) {
        super("the projection " + projection + " is run by " + (owners.isEmpty() ? "another node" : String.join(", ", owners))
                + "; send the rebuild to that node");
        this.projection = projection;
        this.owners = Set.copyOf(owners);
    }

    @Override
    public String type() {
        return "projection-owned-elsewhere";
    }

    @Override
    public String title() {
        return "Run by another node";
    }

    @Override
    public Map<String, Object> facts() {
        return Map.of("projection", projection, "owners", owners.stream().sorted().toList());
    }
}
