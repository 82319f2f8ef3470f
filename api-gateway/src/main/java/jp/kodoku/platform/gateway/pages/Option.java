package jp.kodoku.platform.gateway.pages;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** One choice of a select or a group of check boxes: the value sent and the Japanese text shown. */
public record Option(String value, String label) {

    /** The constants of an enum, sent by name and shown by their label. */
    public static <E extends Enum<E>> List<Option> of(E[] values, Function<E, String> label) {
        return Arrays.stream(values).map(v -> new Option(v.name(), label.apply(v))).toList();
    }
}
