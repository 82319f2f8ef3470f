package jp.kodoku.platform.infra.readmodel;

import jp.kodoku.platform.infra.errors.RuleViolation;

import java.util.Map;
import java.util.Set;

/**
 * A rebuild that could not claim every segment of the projection: another node still holds one, because it did not let
 * go when told (stuck, or killed with its claim not yet expired) or the nodes do not notify each other
 * ({@code platform.events.notify=false}). The caller sends it again after the claim timeout, or to the node named.
 */
public class ProjectionOwnedElsewhere extends RuleViolation {

    private final String projection;
    private final Set<String> owners;

    public ProjectionOwnedElsewhere(String projection, Set<String> owners) {
        super("the projection " + projection + " is run by " + (owners.isEmpty() ? "another node" : String.join(", ", owners))
                + "; send the rebuild again after a few seconds, or to that node");
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
