package jp.kodoku.platform.gateway.web;

import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.InvalidInput;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.infra.files.Attachments;
import jp.kodoku.platform.infra.files.StoredFile;
import jp.kodoku.platform.infra.files.Upload;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Files in and out of the API (DESIGN.md §14). In: one multipart part named {@code file}, handed to the command as an
 * {@link Upload} (the module checks and stores it in the command's transaction). Out: always as an attachment (a
 * browser saves it, never renders it in the platform's origin), with {@code X-Content-Type-Options: nosniff}, the type
 * its bytes were found to be, the name in RFC 6266's UTF-8 form (Japanese names survive), and the hash as a strong
 * ETag (the bytes of a hash never change). Who may download is decided before, by what the file is attached to.
 */
@Component
public class FileDownloads {

    private final Attachments attachments;

    public FileDownloads(Attachments attachments) {
        this.attachments = attachments;
    }

    public static Upload upload(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new InvalidInput(List.of(new FieldViolation("file", "is required: send the file as the multipart part \"file\"")));
        }
        try {
            return new Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file among those attached, by its hash; 404 when it is not one of them. */
    public ResponseEntity<byte[]> download(List<StoredFile> attached, String sha256) {
        StoredFile file = attached.stream().filter(f -> f.sha256().equals(sha256)).findFirst()
                                  .orElseThrow(() -> new NotFound("no such file here"));
        byte[] bytes = attachments.content(file).orElseThrow(() -> new NotFound("the file's content is missing"));
        return ResponseEntity.ok()
                             .contentType(MediaType.parseMediaType(file.mediaType().startsWith("text/")
                                     ? file.mediaType() + ";charset=UTF-8" : file.mediaType()))
                             .contentLength(bytes.length)
                             .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                     .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                             .header("X-Content-Type-Options", "nosniff")
                             .eTag("\"" + file.sha256() + "\"")
                             .cacheControl(CacheControl.noCache().cachePrivate())
                             .body(bytes);
    }
}
