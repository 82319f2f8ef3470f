package jp.kodoku.platform.infra.files;

import jp.kodoku.platform.infra.errors.InvalidInput;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Takes an uploaded file in (DESIGN.md §14): at most {@link #MAX_BYTES}, of an allow-listed type by its bytes
 * ({@link FileTypes}), its name's extension and its declared media type (when one is given) agreeing with the bytes;
 * then keeps the bytes under their SHA-256 and answers the {@link StoredFile} that events refer to. Anything else is
 * invalid input naming the field the file came in, and nothing is stored. Call it inside the command's transaction.
 */
@Component
public class Attachments {

    /** 10 MiB: minutes, slides and reports as PDF or Office files fit; videos and archives do not belong here. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final int MAX_NAME = 200;

    private final FileStorage storage;

    public Attachments(FileStorage storage) {
        this.storage = storage;
    }

    /**
     * @param field        the name of the request's field the file came in, for the problem's field list
     * @param declaredType the media type the client sent, or null (then the name and the bytes decide)
     */
    public StoredFile store(String field, String fileName, String declaredType, byte[] content) {
        StoredFile file = check(field, fileName, declaredType, content);
        storage.put(file.sha256(), content);
        return file;
    }

    /** What {@link #store} would keep, without keeping it: for checks before a command is sent. */
    public static StoredFile check(String field, String fileName, String declaredType, byte[] content) {
        if (content == null || content.length == 0) {
            throw new InvalidInput(field, "is empty");
        }
        if (content.length > MAX_BYTES) {
            throw new InvalidInput(field, "has " + content.length + " bytes; a file has at most " + MAX_BYTES
                    + " bytes (10 MiB)");
        }
        String name = name(field, fileName);
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        FileTypes.Detected detected = FileTypes.detect(content);
        if (detected instanceof FileTypes.NotAllowed notAllowed) {
            throw new InvalidInput(field, "is " + notAllowed.description()
                    + "; files accepted are PDF, Word, Excel, PowerPoint, PNG, JPEG, GIF, WebP and UTF-8 text");
        }
        FileType type = typeOf(detected, extension);
        if (type == null || !type.extensions().contains(extension)) {
            throw new InvalidInput(field, "is " + detected.description() + " by its bytes, but its name \"" + name
                    + "\" says ." + extension + (type == null ? "" : "; name it ." + type.extensions().get(0)));
        }
        String declared = declaredType == null ? "" : declaredType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!declared.isEmpty() && !declared.equals("application/octet-stream") && !declared.equals(type.mediaType())) {
            throw new InvalidInput(field, "is " + detected.description() + " by its bytes (" + type.mediaType()
                    + "), not " + declared + " as declared");
        }
        return new StoredFile(sha256(content), name, type.mediaType(), content.length);
    }

    /** The bytes say the type, except in the two families where the extension chooses one of them. */
    private static FileType typeOf(FileTypes.Detected detected, String extension) {
        if (detected instanceof FileTypes.Exactly exactly) {
            return exactly.type();
        }
        if (detected instanceof FileTypes.Text) {
            return extension.equals("csv") ? FileType.CSV : FileType.TEXT;
        }
        return switch (extension) {
            case "doc" -> FileType.DOC;
            case "xls" -> FileType.XLS;
            case "ppt" -> FileType.PPT;
            default -> null;
        };
    }

    public Optional<byte[]> content(StoredFile file) {
        return storage.get(file.sha256());
    }

    /** Browsers send a bare name, some old ones a whole path: the last segment is the name; no control characters. */
    private static String name(String field, String fileName) {
        String name = fileName == null ? "" : fileName.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new InvalidInput(field, "has no file name");
        }
        if (name.length() > MAX_NAME) {
            throw new InvalidInput(field, "has a name of more than " + MAX_NAME + " characters");
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '"')) {
            throw new InvalidInput(field, "has a name with control characters or quotes");
        }
        return name;
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
