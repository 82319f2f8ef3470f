package jp.kodoku.platform.infra.files;

import jp.kodoku.platform.infra.errors.InvalidInput;
import jp.kodoku.platform.infra.testsupport.LocalPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Attachments taken in by their bytes and kept by their hash, on the real PostgreSQL. */
class AttachmentsTest {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    private static JdbcTemplate jdbc;
    private static TransactionTemplate transaction;
    private static Attachments attachments;

    @BeforeAll
    static void database() throws IOException {
        LocalPostgres postgres = LocalPostgres.instance();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(postgres.createDatabase("files_test"),
                postgres.username(), postgres.password());
        jdbc = new JdbcTemplate(dataSource);
        try (var schema = AttachmentsTest.class.getResourceAsStream("/db/migration/V2_4__file_contents.sql")) {
            jdbc.execute(new String(schema.readAllBytes(), StandardCharsets.UTF_8));
        }
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        attachments = new Attachments(new JdbcFileStorage(jdbc));
    }

    @Test
    void aPdfIsKeptUnderTheHashOfItsBytesAndReadBackWhole() {
        StoredFile file = transaction.execute(tx -> attachments.store("file", "第3回議事録.pdf", "application/pdf", PDF));

        assertThat(file.sha256()).isEqualTo(Attachments.sha256(PDF));
        assertThat(file.fileName()).isEqualTo("第3回議事録.pdf");
        assertThat(file.mediaType()).isEqualTo("application/pdf");
        assertThat(file.size()).isEqualTo(PDF.length);
        assertThat(attachments.content(file)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(PDF));
    }

    @Test
    void theSameBytesAttachedTwiceUnderTwoNamesAreStoredOnce() {
        byte[] minutes = "第5回 分科会3 議事録\n出席: 12団体\n".getBytes(StandardCharsets.UTF_8);

        StoredFile first = transaction.execute(tx -> attachments.store("file", "議事録.txt", "text/plain", minutes));
        StoredFile second = transaction.execute(tx -> attachments.store("file", "議事録（写し）.txt", null, minutes));

        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(second.fileName()).isEqualTo("議事録（写し）.txt");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM file_contents WHERE sha256 = ?", Integer.class, first.sha256()))
                .isOne();
    }

    @Test
    void aCommandThatFailsAfterStoringLeavesNoBytesBehind() {
        byte[] slides = zip("[Content_Types].xml", "ppt/presentation.xml", "ppt/slides/slide1.xml");

        assertThatThrownBy(() -> transaction.executeWithoutResult(tx -> {
            attachments.store("file", "資料.pptx", null, slides);
            throw new IllegalStateException("the command was refused after the file was taken");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM file_contents WHERE sha256 = ?", Integer.class,
                Attachments.sha256(slides))).isZero();
    }

    @Test
    void officeFilesAreToldApartByTheirZipEntries() {
        assertThat(Attachments.check("file", "報告書.docx", null, zip("[Content_Types].xml", "word/document.xml")).mediaType())
                .isEqualTo(FileType.DOCX.mediaType());
        assertThat(Attachments.check("file", "名簿.xlsx", null, zip("[Content_Types].xml", "xl/workbook.xml")).mediaType())
                .isEqualTo(FileType.XLSX.mediaType());
        assertThat(Attachments.check("file", "資料.pptx", null, zip("[Content_Types].xml", "ppt/presentation.xml")).mediaType())
                .isEqualTo(FileType.PPTX.mediaType());
    }

    @Test
    void anOffice97FileTakesTheTypeItsExtensionNames() {
        byte[] ole2 = Arrays.copyOf(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1}, 512);

        assertThat(Attachments.check("file", "旧様式.xls", null, ole2).mediaType()).isEqualTo("application/vnd.ms-excel");
        assertThatThrownBy(() -> Attachments.check("file", "旧様式.pdf", null, ole2))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations().get(0).field()).isEqualTo("file"));
    }

    @Test
    void bytesThatAreNotWhatTheNameSaysAreRefusedAndNothingIsStored() {
        assertRefused("file", "議事録.pdf", null, PNG, "is a PNG image by its bytes");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM file_contents WHERE sha256 = ?", Integer.class,
                Attachments.sha256(PNG))).isZero();
    }

    @Test
    void bytesThatAreNotTheDeclaredMediaTypeAreRefused() {
        assertRefused("attachment", "写真.png", "application/pdf", PNG, "not application/pdf as declared");
    }

    @Test
    void typesOffTheAllowListAreRefusedWhateverTheirName() {
        assertRefused("file", "archive.zip", null, zip("a.txt"), "is a ZIP archive");
        assertRefused("file", "マクロ.docx", null, zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"),
                "with macros");
        assertRefused("file", "setup.exe", null, new byte[]{'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0}, "not accepted here");
        assertRefused("file", "page.txt", null, "<svg onload=alert(1)>\u0000".getBytes(StandardCharsets.UTF_8),
                "not accepted here");
    }

    @Test
    void textIsUtf8OnlySoShiftJisIsRefusedRatherThanServedAsMojibake() {
        byte[] shiftJis = "議事録".getBytes(Charset.forName("windows-31j"));

        assertRefused("file", "議事録.txt", null, shiftJis, "not accepted here");
    }

    @Test
    void aFileOverTenMebibytesIsRefusedAndOneAtTheLimitIsTaken() {
        byte[] atLimit = Arrays.copyOf(PDF, Attachments.MAX_BYTES);
        byte[] over = Arrays.copyOf(PDF, Attachments.MAX_BYTES + 1);

        assertThat(Attachments.check("file", "大きい.pdf", null, atLimit).size()).isEqualTo(Attachments.MAX_BYTES);
        assertRefused("file", "大きすぎる.pdf", null, over, "at most 10485760 bytes");
    }

    @Test
    void aPathSentAsTheNameKeepsOnlyItsLastSegment() {
        assertThat(Attachments.check("file", "C:\\Users\\事務局\\議事録.pdf", null, PDF).fileName()).isEqualTo("議事録.pdf");
        assertThat(Attachments.check("file", "../../etc/議事録.pdf", null, PDF).fileName()).isEqualTo("議事録.pdf");
        assertRefused("file", "../", null, PDF, "has no file name");
        assertRefused("file", "a\r\nb.pdf", null, PDF, "control characters");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertRefused("file", "空.txt", null, new byte[0], "is empty");
    }

    private static void assertRefused(String field, String name, String declared, byte[] bytes, String message) {
        assertThatThrownBy(() -> transaction.execute(tx -> attachments.store(field, name, declared, bytes)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.violations()).hasSize(1);
                    assertThat(e.violations().get(0).field()).isEqualTo(field);
                    assertThat(e.violations().get(0).message()).contains(message);
                });
    }

    static byte[] zip(String... entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(("<x>" + entry + "</x>").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
