package jp.kodoku.platform.infra.errors;

/** What a request names does not exist, or not for this caller (the API answers 404 with the message). */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
