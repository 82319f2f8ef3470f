package jp.kodoku.platform.subcommittees.poll;

import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.subcommittees.api.InvalidSubcommitteeInput;
import jp.kodoku.platform.subcommittees.api.PollSlot;
import jp.kodoku.platform.subcommittees.api.SlotAnswer;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The rules of a date poll's data, in one place; limits are documented in docs/api.md. */
final class PollRules {

    static final int MAX_TITLE = 200;
    static final int MAX_SLOTS = 30;
    static final int MAX_COMMENT = 200;
    /** How far ahead a poll may look: slots within two years, a deadline within one. */
    static final int SLOT_YEARS_AHEAD = 2;
    private static final Pattern SLOT_ID = Pattern.compile("[0-9A-Za-z-]{1,64}");

    private PollRules() {
    }

    static void checkOpening(String title, LocalDateTime deadline, List<PollSlot> slots, LocalDateTime now) {
        List<FieldViolation> violations = new ArrayList<>();
        if (title == null || title.isBlank()) {
            violations.add(new FieldViolation("title", "is required"));
        } else if (title.length() > MAX_TITLE) {
            violations.add(new FieldViolation("title", "must be at most " + MAX_TITLE + " characters"));
        }
        if (deadline == null) {
            violations.add(new FieldViolation("deadline", "is required (local time in Japan)"));
        } else if (!deadline.isAfter(now)) {
            violations.add(new FieldViolation("deadline", "must be in the future"));
        } else if (deadline.isAfter(now.plusYears(1))) {
            violations.add(new FieldViolation("deadline", "must be within a year"));
        }
        if (slots == null || slots.isEmpty()) {
            violations.add(new FieldViolation("slots", "at least one candidate slot is required"));
        } else if (slots.size() > MAX_SLOTS) {
            violations.add(new FieldViolation("slots", "at most " + MAX_SLOTS + " slots"));
        } else {
            for (int i = 0; i < slots.size(); i++) {
                slot(violations, "slots[" + i + "].", slots.get(i), now.toLocalDate());
            }
        }
        if (deadline != null && slots != null) {
            for (int i = 0; i < slots.size(); i++) {
                PollSlot slot = slots.get(i);
                if (slot != null && slot.date() != null && slot.date().isBefore(deadline.toLocalDate())) {
                    violations.add(new FieldViolation("slots[" + i + "].date", "must not be before the deadline"));
                }
            }
        }
        throwIfAny(violations);
    }

    static void checkSlot(PollSlot slot, LocalDate today) {
        List<FieldViolation> violations = new ArrayList<>();
        slot(violations, "", slot, today);
        throwIfAny(violations);
    }

    static void checkAnswers(Map<String, SlotAnswer> answers) {
        List<FieldViolation> violations = new ArrayList<>();
        if (answers == null || answers.isEmpty()) {
            violations.add(new FieldViolation("answers", "answer at least one slot"));
        } else if (answers.size() > MAX_SLOTS) {
            violations.add(new FieldViolation("answers", "at most " + MAX_SLOTS + " slots"));
        } else {
            answers.forEach((slotId, answer) -> {
                String field = "answers." + slotId;
                if (slotId == null || !SLOT_ID.matcher(slotId).matches()) {
                    violations.add(new FieldViolation("answers", "names a slot id that is not one"));
                } else if (answer == null || answer.choice() == null) {
                    violations.add(new FieldViolation(field + ".choice", "is required: YES (○), MAYBE (△) or NO (×)"));
                } else if (answer.comment() != null && answer.comment().length() > MAX_COMMENT) {
                    violations.add(new FieldViolation(field + ".comment", "must be at most " + MAX_COMMENT + " characters"));
                }
            });
        }
        throwIfAny(violations);
    }

    private static void slot(List<FieldViolation> violations, String prefix, PollSlot slot, LocalDate today) {
        if (slot == null) {
            violations.add(new FieldViolation(prefix.isEmpty() ? "slot" : prefix.substring(0, prefix.length() - 1), "is required"));
            return;
        }
        if (slot.slotId() == null || !SLOT_ID.matcher(slot.slotId()).matches()) {
            violations.add(new FieldViolation(prefix + "slotId", "must be 1–64 letters, digits or hyphens"));
        }
        if (slot.date() == null) {
            violations.add(new FieldViolation(prefix + "date", "is required"));
        } else if (slot.date().isBefore(today)) {
            violations.add(new FieldViolation(prefix + "date", "must not be in the past"));
        } else if (slot.date().isAfter(today.plusYears(SLOT_YEARS_AHEAD))) {
            violations.add(new FieldViolation(prefix + "date", "must be within " + SLOT_YEARS_AHEAD + " years"));
        }
        if ((slot.start() == null) != (slot.end() == null)) {
            violations.add(new FieldViolation(prefix + (slot.start() == null ? "start" : "end"),
                    "give both start and end, or neither for a whole day"));
        } else if (slot.start() != null && !slot.end().isAfter(slot.start())) {
            violations.add(new FieldViolation(prefix + "end", "must be after start"));
        }
    }

    private static void throwIfAny(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidSubcommitteeInput(violations);
        }
    }
}
