package jp.kodoku.platform.infra.mail;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a mail's two bodies from {@code classpath:mail/<name>.html} (HTML mode: values are escaped) and
 * {@code classpath:mail/<name>.txt} (Thymeleaf's TEXT mode: {@code [(${value})]} inserts a value as it is). An engine
 * of its own, not a bean, so that it never stands in for the web pages' engine.
 */
class MailTemplates {

    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");

    String html(String template, Map<String, ?> model) {
        return html.process(template, context(model));
    }

    String text(String template, Map<String, ?> model) {
        return text.process(template, context(model));
    }

    private static Context context(Map<String, ?> model) {
        Context context = new Context(Locale.JAPAN);
        model.forEach(context::setVariable);
        return context;
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(MailTemplates.class.getClassLoader());
        resolver.setPrefix("mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
