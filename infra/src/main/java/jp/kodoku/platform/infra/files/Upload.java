package jp.kodoku.platform.infra.files;

/**
 * A file as a client sent it, before {@link Attachments} has checked it: carried in a command to the handler that
 * stores it in the command's transaction. Never put into an event (the bytes); events keep the {@link StoredFile}.
 *
 * @param declaredType the media type the client sent with it, or null
 */
public record Upload(String fileName, String declaredType, byte[] content) {

    @Override
    public String toString() {
        return "Upload[" + fileName + ", " + declaredType + ", " + (content == null ? 0 : content.length) + " bytes]";
    }
}
