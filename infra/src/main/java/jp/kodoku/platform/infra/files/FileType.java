package jp.kodoku.platform.infra.files;

import java.util.List;

/**
 * The allow-list of attachment types (DESIGN.md §14): PDF, Office documents, images and plain text. Each is recognised
 * by its bytes ({@link FileTypes}); the file name's extension must be one of the type's, so that what a reader's
 * computer opens is what was checked. Not on the list on purpose: SVG and HTML (they carry scripts), archives, and
 * Office files with macros.
 */
public enum FileType {
    PDF("application/pdf", "PDF", "pdf"),
    PNG("image/png", "PNG image", "png"),
    JPEG("image/jpeg", "JPEG image", "jpg", "jpeg"),
    GIF("image/gif", "GIF image", "gif"),
    WEBP("image/webp", "WebP image", "webp"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel workbook", "xlsx"),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint presentation", "pptx"),
    DOC("application/msword", "Word 97–2003 document", "doc"),
    XLS("application/vnd.ms-excel", "Excel 97–2003 workbook", "xls"),
    PPT("application/vnd.ms-powerpoint", "PowerPoint 97–2003 presentation", "ppt"),
    TEXT("text/plain", "UTF-8 text", "txt"),
    CSV("text/csv", "UTF-8 CSV text", "csv");

    private final String mediaType;
    private final String description;
    private final List<String> extensions;

    FileType(String mediaType, String description, String... extensions) {
        this.mediaType = mediaType;
        this.description = description;
        this.extensions = List.of(extensions);
    }

    public String mediaType() {
        return mediaType;
    }

    public String description() {
        return description;
    }

    public List<String> extensions() {
        return extensions;
    }
}
