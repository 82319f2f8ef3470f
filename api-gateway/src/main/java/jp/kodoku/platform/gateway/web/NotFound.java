package jp.kodoku.platform.gateway.web;

public class NotFound extends RuntimeException {
    public NotFound(String message) {
        super(message);
    }
}
