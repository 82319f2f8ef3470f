package jp.kodoku.platform.infra.errors;

/**
 * Two requests appended to the same aggregate at the same moment (on two nodes, say) and this one lost twice: the first
 * loss is retried by the command bus. The client reads again and reapplies its change, as for a stale version.
 */
public class ConcurrentChange extends RuleViolation {

    public ConcurrentChange() {
        super("another request changed this at the same moment; read it again and reapply your change");
    }

    @Override
    public String type() {
        return "concurrent-change";
    }

    @Override
    public String title() {
        return "Changed at the same moment";
    }
}
