package jp.kodoku.platform.events.api;

/** A registration (or its confirmation) outside the event's registration window (409). */
public class RegistrationWindowClosed extends EventRuleViolation {

    public RegistrationWindowClosed(String message) {
        super(message);
    }

    @Override
    public String type() {
        return "registration-window-closed";
    }

    @Override
    public String title() {
        return "Registration window closed";
    }
}
