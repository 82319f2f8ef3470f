package jp.kodoku.platform.gateway.clients;

import jakarta.servlet.http.HttpServletResponse;
import jp.kodoku.platform.gateway.clients.api.ApiClientPage;
import jp.kodoku.platform.gateway.clients.api.ApiScopes;
import jp.kodoku.platform.gateway.clients.api.ApiClientSummary;
import jp.kodoku.platform.gateway.clients.registration.ClientCredentials;
import jp.kodoku.platform.gateway.pages.Crumb;
import jp.kodoku.platform.gateway.pages.FormErrors;
import jp.kodoku.platform.gateway.pages.Option;
import jp.kodoku.platform.gateway.pages.PageController;
import jp.kodoku.platform.gateway.pages.PageLink;
import jp.kodoku.platform.gateway.security.Access;
import jp.kodoku.platform.gateway.security.Caller;
import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/**
 * The secretariat's pages for third-party apps (API clients): the list, registering one, rotating its secret and
 * revoking it, each change after a confirmation. They go through {@link ApiClientsController}, so the rules, the
 * Keycloak client and the registry's revocation are the API's own. A new secret is shown on the answer to the post
 * that made it, with a copy button, and is never stored: not in the session, not in a redirect, never again
 * (Cache-Control: no-store keeps it out of the browser's history too).
 */
@PageController
class ApiClientPages {

    private static final Logger log = LoggerFactory.getLogger(ApiClientPages.class);
    private static final String BASE = "/secretariat/api-clients";

    /** The scopes an app may be given, as the secretariat reads them (ApiScopes has them all). */
    static final List<Option> SCOPES = List.of(
            new Option(ApiScopes.DIRECTORY_READ, "会員名簿と会員数の閲覧（" + ApiScopes.DIRECTORY_READ + "）"),
            new Option(ApiScopes.EVENTS_READ, "イベントの閲覧（" + ApiScopes.EVENTS_READ + "）"),
            new Option(ApiScopes.FEED_READ, "活動フィードの閲覧（" + ApiScopes.FEED_READ + "）"));

    private final ApiClientsController api;

    ApiClientPages(ApiClientsController api) {
        this.api = api;
    }

    /** The header's link, for the secretariat only (the API lets nobody else manage clients). */
    @Bean
    static PageLink apiClientsLink() {
        return PageLink.forRole(Caller.SECRETARIAT, "APIクライアント", BASE, 90);
    }

    @GetMapping(BASE)
    String list(@RequestParam(required = false) String cursor, Model model) {
        Access.requireSecretariat();
        ApiClientPage page = api.list(cursor, 50);
        model.addAttribute("clients", page.items());
        model.addAttribute("nextUrl", page.nextCursor() == null ? null : BASE + "?cursor="
                + java.net.URLEncoder.encode(page.nextCursor(), java.nio.charset.StandardCharsets.UTF_8));
        model.addAttribute("firstUrl", cursor == null ? null : BASE);
        model.addAttribute("crumbs", Crumb.trail(Crumb.here("APIクライアント")));
        return "clients/list";
    }

    @GetMapping(BASE + "/new")
    String newClient(Model model) {
        Access.requireSecretariat();
        return form(model, new ClientForm("", "", List.of(), "", ""), FormErrors.NONE);
    }

    @PostMapping(BASE)
    String register(@ModelAttribute ClientForm form, Model model, HttpServletResponse response) {
        Access.requireSecretariat();
        ApiClientsController.RegisteredApiClient registered;
        try {
            registered = api.register(form.request()).getBody();
        } catch (InvalidInput e) {
            response.setStatus(400);
            return form(model, form, FormErrors.of(e.violations()));
        }
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("heading", "アプリを登録しました");
        model.addAttribute("clientId", registered.clientId());
        model.addAttribute("secret", registered.clientSecret());
        model.addAttribute("tokenEndpoint", registered.tokenEndpoint());
        model.addAttribute("crumbs", Crumb.trail(Crumb.to("APIクライアント", BASE), Crumb.here("登録しました")));
        return "clients/secret";
    }

    @GetMapping(BASE + "/{clientId}")
    String one(@PathVariable String clientId, Model model) {
        Access.requireSecretariat();
        ApiClientSummary client = api.one(clientId).getBody();
        model.addAttribute("client", client);
        model.addAttribute("crumbs", Crumb.trail(Crumb.to("APIクライアント", BASE), Crumb.here(client.name())));
        return "clients/client";
    }

    /** The question before a rotation or a revocation: {@code change} is "rotation" or "revocation". */
    @GetMapping(BASE + "/{clientId}/{change:rotation|revocation}")
    String confirm(@PathVariable String clientId, @PathVariable String change, Model model) {
        Access.requireSecretariat();
        ApiClientSummary client = api.one(clientId).getBody();
        boolean rotation = change.equals("rotation");
        model.addAttribute("client", client);
        model.addAttribute("change", change);
        model.addAttribute("heading", rotation ? "シークレットの再発行" : "APIクライアントの無効化");
        model.addAttribute("crumbs", Crumb.trail(Crumb.to("APIクライアント", BASE),
                Crumb.to(client.name(), BASE + "/" + clientId), Crumb.here(rotation ? "シークレットの再発行" : "無効化")));
        return "clients/confirm";
    }

    @PostMapping(BASE + "/{clientId}/rotation")
    String rotate(@PathVariable String clientId, @RequestParam(required = false) Long version, Model model,
                  HttpServletResponse response) {
        Access.requireSecretariat();
        ApiClientsController.RotatedSecret rotated = api.rotate(clientId, version).getBody();
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("heading", "シークレットを再発行しました");
        model.addAttribute("clientId", rotated.clientId());
        model.addAttribute("secret", rotated.clientSecret());
        model.addAttribute("tokenEndpoint", rotated.tokenEndpoint());
        model.addAttribute("crumbs", Crumb.trail(Crumb.to("APIクライアント", BASE),
                Crumb.to(clientId, BASE + "/" + clientId), Crumb.here("再発行しました")));
        return "clients/secret";
    }

    @PostMapping(BASE + "/{clientId}/revocation")
    String revoke(@PathVariable String clientId, @RequestParam(required = false) Long version,
                  RedirectAttributes redirect) {
        Access.requireSecretariat();
        api.revoke(clientId, version);
        redirect.addFlashAttribute("flash", "APIクライアントを無効にしました。このアプリはもうAPIを呼び出せません。");
        return "redirect:" + BASE + "/" + clientId;
    }

    /** Keycloak did not carry the change out: nothing changed, which the person should know. */
    @ExceptionHandler(ClientCredentials.IdentityProviderUnavailable.class)
    String identityProvider(ClientCredentials.IdentityProviderUnavailable e, HttpServletResponse response, Model model) {
        log.warn("Keycloak failed an API-client change made on a page; nothing was recorded", e);
        response.setStatus(502);
        model.addAttribute("status", 502);
        model.addAttribute("heading", "ログインの仕組み（Keycloak）が応答しませんでした");
        model.addAttribute("detail", "何も変更していません。しばらくしてから、もう一度お試しください。");
        return "error";
    }

    private static String form(Model model, ClientForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("scopeOptions", SCOPES);
        model.addAttribute("crumbs", Crumb.trail(Crumb.to("APIクライアント", BASE), Crumb.here("アプリの登録")));
        return "clients/new";
    }

    /**
     * The registration form as sent: the origins one per line, the rate as typed (a number, or empty for the
     * default); the API's rules check the rest.
     */
    record ClientForm(String name, String organizationId, List<String> scopes, String allowedOrigins,
                      String ratePerMinute) {

        ApiClientsController.NewApiClient request() {
            Integer rate = null;
            if (ratePerMinute != null && !ratePerMinute.isBlank()) {
                try {
                    rate = Integer.valueOf(ratePerMinute.strip());
                } catch (NumberFormatException e) {
                    throw new InvalidInput(List.of(new FieldViolation("ratePerMinute", "半角数字で入力してください")));
                }
            }
            List<String> origins = allowedOrigins == null ? List.of()
                    : allowedOrigins.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
            String organization = organizationId == null || organizationId.isBlank() ? null : organizationId.strip();
            return new ApiClientsController.NewApiClient(name, organization, scopes == null ? List.of() : scopes,
                    origins, rate);
        }
    }
}
