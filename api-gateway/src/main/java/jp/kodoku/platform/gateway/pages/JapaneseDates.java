package jp.kodoku.platform.gateway.pages;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * The one way pages show a date: the Japanese era beside the Gregorian date, "令和4年12月1日 (2022-12-01)", and the
 * first year of an era as 元年, as official documents write it. Times are shown in Japan's time zone. Templates call
 * it as {@code ${@wareki.date(d)}}. On a page the visitor switched to English ({@link PageLanguage}), dates are written
 * as English readers write them, "1 December 2022", and times "9:05 JST"; anywhere else (mails), always Japanese.
 */
@Component("wareki")
public class JapaneseDates {

    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H時mm分", Locale.JAPAN);
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter ENGLISH_TIME = DateTimeFormatter.ofPattern("H:mm 'JST'", Locale.ENGLISH);

    public String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        if (PageLanguage.english()) {
            return ENGLISH_DATE.format(date);
        }
        return era(date) + " (" + date + ")";
    }

    /** An instant as the date and time in Japan: "令和6年4月1日 (2024-04-01) 9時05分". */
    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        var local = instant.atZone(JAPAN);
        if (PageLanguage.english()) {
            return ENGLISH_DATE.format(local) + ", " + ENGLISH_TIME.format(local);
        }
        return date(local.toLocalDate()) + " " + TIME.format(local);
    }

    /** Only the era form, "令和4年12月1日" (in English, the English date). */
    public String era(LocalDate date) {
        if (PageLanguage.english()) {
            return ENGLISH_DATE.format(date);
        }
        JapaneseDate japanese = JapaneseDate.from(date);
        JapaneseEra era = japanese.getEra();
        int year = japanese.get(ChronoField.YEAR_OF_ERA);
        String name = era.getDisplayName(java.time.format.TextStyle.FULL, Locale.JAPAN);
        return name + (year == 1 ? "元" : Integer.toString(year)) + "年" + date.getMonthValue() + "月"
                + date.getDayOfMonth() + "日";
    }

    /**
     * A fiscal year (April–March) in the era's years: 2022 → "令和4年度"; 2019 → "令和元年度", as the government names
     * it, though 令和 began on 1 May 2019 (so the era is taken on 1 May, not on 1 April).
     */
    public String fiscalYear(int year) {
        if (PageLanguage.english()) {
            return "FY" + year;
        }
        JapaneseDate japanese = JapaneseDate.from(LocalDate.of(year, 5, 1));
        int yearOfEra = japanese.get(ChronoField.YEAR_OF_ERA);
        return japanese.getEra().getDisplayName(java.time.format.TextStyle.FULL, Locale.JAPAN)
                + (yearOfEra == 1 ? "元" : Integer.toString(yearOfEra)) + "年度";
    }

    public LocalDate today() {
        return LocalDate.now(JAPAN);
    }
}
