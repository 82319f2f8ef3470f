package jp.kodoku.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every figure of a run with its baseline, ratio and target; printed as one table and written as JSON. */
final class Results {

    /** {@code target} is text for the reader; {@code met} is null where a figure has no target of its own. */
    record Figure(String id, String name, double value, String unit, Double baseline, String baselineName,
                  Double ratio, String target, Boolean met, String note) {
    }

    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Object> details = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Object> machine;
    private final Instant started = Instant.now();

    Results(Map<String, Object> machine) {
        this.machine = machine;
    }

    synchronized void add(Figure figure) {
        figures.add(figure);
        System.out.printf(Locale.ROOT, "  => %s: %s%s%n", figure.name(), format(figure.value(), figure.unit()),
                figure.baseline() == null ? ""
                        : String.format(Locale.ROOT, " (baseline %s %s, ratio %.2f)", figure.baselineName(),
                        format(figure.baseline(), figure.unit()), figure.ratio()));
    }

    /** A figure against a baseline of the same unit where higher is better; target: ratio at least {@code min}. */
    void rate(String id, String name, double value, String unit, double baseline, String baselineName,
              Double minRatio, String note) {
        double ratio = baseline > 0 ? value / baseline : Double.NaN;
        add(new Figure(id, name, value, unit, baseline, baselineName, ratio,
                minRatio == null ? null : String.format(Locale.ROOT, "≥ %.2f× baseline", minRatio),
                minRatio == null ? null : ratio >= minRatio, note));
    }

    /** A figure where lower is better, with an absolute ceiling as target (null: none), and a baseline for scale. */
    void ceiling(String id, String name, double value, String unit, Double baseline, String baselineName,
                 Double max, String note) {
        Double ratio = baseline == null || baseline <= 0 ? null : value / baseline;
        add(new Figure(id, name, value, unit, baseline, baselineName, ratio,
                max == null ? null : "< " + format(max, unit), max == null ? null : value < max, note));
    }

    synchronized void detail(String key, Object value) {
        details.put(key, value);
    }

    synchronized void note(String text) {
        notes.add(text);
        System.out.println("  note: " + text);
    }

    void print(PrintStream out) {
        String header = String.format(Locale.ROOT, "%-52s %16s %16s %7s %18s %5s", "figure", "absolute", "baseline",
                "ratio", "target", "met?");
        out.println();
        out.println("Benchmark results (" + machine.get("summary") + ")");
        out.println(header);
        out.println("-".repeat(header.length()));
        for (Figure f : figures) {
            out.printf(Locale.ROOT, "%-52s %16s %16s %7s %18s %5s%n", clip(f.name(), 52), format(f.value(), f.unit()),
                    f.baseline() == null ? "" : format(f.baseline(), f.unit()),
                    f.ratio() == null || f.ratio().isNaN() ? "" : String.format(Locale.ROOT, "%.2f", f.ratio()),
                    f.target() == null ? "" : f.target(),
                    f.met() == null ? "" : f.met() ? "yes" : "NO");
        }
        out.println();
        for (Figure f : figures) {
            if (f.baselineName() != null || f.note() != null) {
                out.println("  " + f.name() + (f.baselineName() == null ? "" : " — baseline: " + f.baselineName())
                        + (f.note() == null ? "" : " — " + f.note()));
            }
        }
        for (String note : notes) {
            out.println("  note: " + note);
        }
    }

    void write(Path file) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("started", started.toString());
        json.put("finished", Instant.now().toString());
        json.put("machine", machine);
        json.put("figures", figures);
        json.put("notes", notes);
        json.put("details", details);
        Files.createDirectories(file.toAbsolutePath().getParent());
        new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT)
                          .writeValue(file.toFile(), json);
    }

    static String format(double value, String unit) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        String number = Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : Math.abs(value) >= 10 ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%.2f", value);
        return number + " " + unit;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
