package jp.kodoku.platform.subcommittees.api;

/** Identifies an item of a meeting's agenda (made once by the gateway, never reused). */
public record AgendaItemId(String value) {

    @Override
    public String toString() {
        return value;
    }
}
