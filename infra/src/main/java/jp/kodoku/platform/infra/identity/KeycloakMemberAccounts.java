package jp.kodoku.platform.infra.identity;

import jakarta.ws.rs.InternalServerErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.RoleScopeResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link MemberAccounts} in the Keycloak realm, through the platform's own service account ({@code platform-backend}).
 * Failures of Keycloak itself (unreachable, 5xx) are thrown, so that the caller retries; what retrying cannot change
 * (Keycloak refuses the data, the address acts for another organization) is answered as a {@link Status}.
 */
@Component
public class KeycloakMemberAccounts implements MemberAccounts {

    private static final Logger log = LoggerFactory.getLogger(KeycloakMemberAccounts.class);

    static final List<String> FIRST_SIGN_IN = List.of("UPDATE_PASSWORD", "VERIFY_EMAIL");
    /** Keycloak's default (12 hours) is too short for an invitation that reaches an office mailbox on a Friday. */
    static final int INVITATION_LIFESPAN_SECONDS = 7 * 24 * 60 * 60;
    private static final int PAGE = 100;
    /** What Keycloak's person-name validator refuses; left in, it would make every retry fail the same way. */
    private static final Pattern NOT_IN_NAMES = Pattern.compile("[<>&\"$%!#?§;*~/\\\\|^=\\[\\]{}()\\p{Cntrl}]");
    /** What Keycloak's username validator refuses, though an e-mail address may hold it. */
    private static final Pattern NOT_IN_USERNAMES = Pattern.compile("[<>&\"'\\s$%!#?§,;:*~/\\\\|^=\\[\\]{}()`\\p{Cntrl}]");
    private static final Pattern ERROR_MESSAGE = Pattern.compile("\"errorMessage\"\\s*:\\s*\"([^\"]{1,200})\"");

    private final RealmResource realm;

    public KeycloakMemberAccounts(RealmResource platformRealm) {
        this.realm = platformRealm;
    }

    @Override
    public Provisioning provision(String organizationId, String name, String email) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        Optional<String> existing = find(address);
        if (existing.isPresent()) {
            return finish(organizationId, existing.get(), false);
        }
        String id;
        try (Response response = realm.users().create(newAccount(organizationId, name, address))) {
            switch (response.getStatus()) {
                case 201 -> id = CreatedResponseUtil.getCreatedId(response);
                case 409 -> {
                    // made meanwhile by a concurrent call, or the username is another account's
                    return find(address).map(other -> finish(organizationId, other, false))
                                        .orElseGet(() -> refused("the username of the address is taken by another account"));
                }
                case 400 -> {
                    return refused(errorOf(response));
                }
                default -> throw new IllegalStateException("Keycloak answered " + response.getStatus()
                        + " to creating an account: " + errorOf(response));
            }
        }
        return finish(organizationId, id, true);
    }

    /** Gives the account the organization and the role, then sends the pending actions if the person has any. */
    private Provisioning finish(String organizationId, String id, boolean created) {
        UserResource account = realm.users().get(id);
        UserRepresentation user = account.toRepresentation();
        List<String> organizations = organizationsOf(user);
        if (!organizations.isEmpty() && !organizations.contains(organizationId)) {
            return new Provisioning(Status.BELONGS_TO_ANOTHER_ORGANIZATION, null, false,
                    "the e-mail address has an account that acts for another organization");
        }
        if (organizations.isEmpty()) {
            Map<String, List<String>> attributes = new HashMap<>(user.getAttributes() == null ? Map.of() : user.getAttributes());
            attributes.put(ORGANIZATION_ATTRIBUTE, List.of(organizationId));
            user.setAttributes(attributes);
            account.update(user);
        }
        RoleScopeResource roles = account.roles().realmLevel();
        if (roles.listAll().stream().noneMatch(r -> MEMBER_ADMIN_ROLE.equals(r.getName()))) {
            roles.add(List.of(realm.roles().get(MEMBER_ADMIN_ROLE).toRepresentation()));
        }
        // A reused account that still has actions pending was made by an attempt that failed before its e-mail went
        // out (or the person never acted on it): send it (again), or the person could never sign in.
        List<String> pending = user.getRequiredActions() == null ? List.of() : user.getRequiredActions();
        boolean sent = !pending.isEmpty() && Boolean.TRUE.equals(user.isEnabled()) && user.getEmail() != null
                && sendActions(account, id, pending);
        return new Provisioning(created ? Status.CREATED : Status.REUSED, id, sent, null);
    }

    /**
     * A mail server that refuses is not a reason to hold back every later change of accounts (a suspension must not
     * wait for the mail); the caller records that no invitation went out, and the person can still ask for a
     * password reset on the sign-in page.
     */
    private boolean sendActions(UserResource account, String id, List<String> actions) {
        try {
            account.executeActionsEmail(null, null, INVITATION_LIFESPAN_SECONDS, actions);
            return true;
        } catch (InternalServerErrorException e) {
            log.warn("Keycloak could not send the e-mail with the pending actions {} to account {}: {}", actions, id,
                    e.getMessage());
            return false;
        }
    }

    @Override
    public int disableAll(String organizationId) {
        return setEnabled(organizationId, false);
    }

    @Override
    public int enableAll(String organizationId) {
        return setEnabled(organizationId, true);
    }

    private int setEnabled(String organizationId, boolean enabled) {
        List<UserRepresentation> accounts = accountsOf(organizationId);
        for (UserRepresentation summary : accounts) {
            UserResource account = realm.users().get(summary.getId());
            // The whole representation goes back: a partial one could clear fields Keycloak treats as given.
            UserRepresentation user = account.toRepresentation();
            if (!Boolean.valueOf(enabled).equals(user.isEnabled())) {
                user.setEnabled(enabled);
                account.update(user);
            }
            if (!enabled) {
                account.logout(); // refresh tokens die with the sessions; access tokens live minutes at most
            }
        }
        return accounts.size();
    }

    @Override
    public List<Account> admins(String organizationId) {
        List<Account> admins = new ArrayList<>();
        for (UserRepresentation user : accountsOf(organizationId)) {
            boolean admin = realm.users().get(user.getId()).roles().realmLevel().listEffective().stream()
                                 .anyMatch(r -> MEMBER_ADMIN_ROLE.equals(r.getName()));
            if (admin) {
                admins.add(new Account(user.getId(), user.getUsername(), user.getEmail(),
                        Boolean.TRUE.equals(user.isEnabled()),
                        user.getRequiredActions() == null ? List.of() : List.copyOf(user.getRequiredActions())));
            }
        }
        admins.sort(Comparator.comparing(Account::username, Comparator.nullsLast(Comparator.naturalOrder())));
        return admins;
    }

    @Override
    public void delete(String userId) {
        try (Response response = realm.users().delete(userId)) {
            if (response.getStatus() >= 300 && response.getStatus() != 404) {
                throw new IllegalStateException("Keycloak answered " + response.getStatus() + " to deleting account "
                        + userId + ": " + errorOf(response));
            }
        }
    }

    @Override
    public void remove(String organizationId, String userId) {
        UserResource account = realm.users().get(userId);
        UserRepresentation user;
        try {
            user = account.toRepresentation();
        } catch (NotFoundException gone) {
            return;
        }
        if (!organizationsOf(user).contains(organizationId)) {
            throw new IllegalArgumentException("account " + userId + " does not act for organization " + organizationId);
        }
        RoleScopeResource roles = account.roles().realmLevel();
        List<RoleRepresentation> direct = roles.listAll();
        boolean otherRole = direct.stream().map(RoleRepresentation::getName)
                                  .anyMatch(r -> !MEMBER_ADMIN_ROLE.equals(r) && !r.startsWith("default-roles-"));
        if (otherRole) {
            roles.remove(direct.stream().filter(r -> MEMBER_ADMIN_ROLE.equals(r.getName())).toList());
            account.logout();
            return;
        }
        delete(userId);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** Keycloak keeps e-mail addresses unique in this realm; an account may also carry the address as its username. */
    private Optional<String> find(String address) {
        List<UserRepresentation> found = realm.users().searchByEmail(address, true);
        if (found.isEmpty()) {
            found = realm.users().searchByUsername(address, true);
        }
        return found.stream().map(UserRepresentation::getId).findFirst();
    }

    private List<UserRepresentation> accountsOf(String organizationId) {
        List<UserRepresentation> accounts = new ArrayList<>();
        for (int first = 0; ; first += PAGE) {
            List<UserRepresentation> page = realm.users().searchByAttributes(first, PAGE, null, true, false,
                    ORGANIZATION_ATTRIBUTE + ":" + organizationId);
            // The search may match more loosely than equality (ignoring case, say); ids are compared exactly here.
            page.stream().filter(u -> u.getAttributes() == null || organizationsOf(u).contains(organizationId))
                .forEach(accounts::add);
            if (page.size() < PAGE) {
                return accounts;
            }
        }
    }

    private static UserRepresentation newAccount(String organizationId, String name, String address) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(NOT_IN_USERNAMES.matcher(address).replaceAll("_"));
        user.setEmail(address);
        user.setEmailVerified(false);
        user.setEnabled(true);
        // Japanese names come family name first: 「山田 花子」 is lastName 山田, firstName 花子. A name without a space
        // leaves the first name for the person to fill in at the first sign-in.
        String[] parts = NOT_IN_NAMES.matcher(name == null ? "" : name).replaceAll("").strip().split("[\\s\u3000]+", 2);
        user.setLastName(parts[0].isEmpty() ? null : parts[0]);
        user.setFirstName(parts.length > 1 ? parts[1] : null);
        user.setAttributes(Map.of(ORGANIZATION_ATTRIBUTE, List.of(organizationId)));
        user.setRequiredActions(FIRST_SIGN_IN);
        return user;
    }

    private static List<String> organizationsOf(UserRepresentation user) {
        if (user.getAttributes() == null) {
            return List.of();
        }
        return user.getAttributes().getOrDefault(ORGANIZATION_ATTRIBUTE, List.of());
    }

    private static Provisioning refused(String why) {
        return new Provisioning(Status.REFUSED, null, false, "Keycloak refused the account: " + why);
    }

    /** Keycloak's message key only: its parameters may repeat the personal data that was refused. */
    private static String errorOf(Response response) {
        try {
            String body = response.readEntity(String.class);
            Matcher message = ERROR_MESSAGE.matcher(body == null ? "" : body);
            return message.find() ? message.group(1) : "HTTP " + response.getStatus();
        } catch (RuntimeException unreadable) {
            return "HTTP " + response.getStatus();
        }
    }
}
