package jp.kodoku.platform.subcommittees.api;

/** Identifies a deliverable (検討成果, 中間整理, 報告書) of a subcommittee. */
public record DeliverableId(String value) {

    @Override
    public String toString() {
        return value;
    }
}
