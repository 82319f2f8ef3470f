package jp.kodoku.platform.infra.identity;

import jakarta.ws.rs.NotFoundException;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.RoleScopeResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link ChairAccounts} in the Keycloak realm, through the platform's service account. */
@Component
public class KeycloakChairAccounts implements ChairAccounts {

    private final RealmResource realm;

    public KeycloakChairAccounts(RealmResource platformRealm) {
        this.realm = platformRealm;
    }

    @Override
    public Optional<Account> find(String userId) {
        return representation(userId).map(user -> new Account(user.getId(),
                first(user, MemberAccounts.ORGANIZATION_ATTRIBUTE), first(user, SUBCOMMITTEE_ATTRIBUTE)));
    }

    @Override
    public void appoint(String userId, String subcommitteeId) {
        UserResource account = realm.users().get(userId);
        // The whole representation goes back: a partial one could clear fields Keycloak treats as given.
        UserRepresentation user = account.toRepresentation();
        if (!subcommitteeId.equals(first(user, SUBCOMMITTEE_ATTRIBUTE))) {
            Map<String, List<String>> attributes = new HashMap<>(user.getAttributes() == null ? Map.of() : user.getAttributes());
            attributes.put(SUBCOMMITTEE_ATTRIBUTE, List.of(subcommitteeId));
            user.setAttributes(attributes);
            account.update(user);
        }
        RoleScopeResource roles = account.roles().realmLevel();
        if (roles.listAll().stream().noneMatch(r -> CHAIR_ROLE.equals(r.getName()))) {
            roles.add(List.of(realm.roles().get(CHAIR_ROLE).toRepresentation()));
        }
    }

    @Override
    public void end(String userId, String subcommitteeId) {
        Optional<UserRepresentation> found = representation(userId);
        if (found.isEmpty() || !subcommitteeId.equals(first(found.get(), SUBCOMMITTEE_ATTRIBUTE))) {
            return;
        }
        UserRepresentation user = found.get();
        UserResource account = realm.users().get(userId);
        Map<String, List<String>> attributes = new HashMap<>(user.getAttributes());
        attributes.remove(SUBCOMMITTEE_ATTRIBUTE);
        user.setAttributes(attributes);
        account.update(user);
        RoleScopeResource roles = account.roles().realmLevel();
        List<RoleRepresentation> chair = roles.listAll().stream().filter(r -> CHAIR_ROLE.equals(r.getName())).toList();
        if (!chair.isEmpty()) {
            roles.remove(chair);
        }
        // refresh tokens die with the sessions; an access token still carrying the claim lives minutes at most
        account.logout();
    }

    private Optional<UserRepresentation> representation(String userId) {
        try {
            return Optional.of(realm.users().get(userId).toRepresentation());
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
    }

    private static String first(UserRepresentation user, String attribute) {
        if (user.getAttributes() == null) {
            return null;
        }
        List<String> values = user.getAttributes().getOrDefault(attribute, List.of());
        return values.isEmpty() ? null : values.get(0);
    }
}
