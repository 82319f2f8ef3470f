package jp.kodoku.platform.gateway.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.kodoku.platform.infra.readmodel.Projections;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A form a person sent on a page is followed by a redirect to a page that shows what it changed (a new poll, the
 * meeting just scheduled). Pages read the read models, which follow the events a moment later, and on a busy machine
 * the page had answered 「ページが見つかりません」 for the poll just opened. So before a page's redirect after a POST
 * leaves, this waits until every projection has handled the events stored so far: the person reads their own write.
 *
 * <p>The wait is bounded: if the projections are further behind than {@link #PATIENCE}, the redirect goes anyway (the
 * page then shows the state the read model has) and the log says so. The REST API does not wait; its clients get the
 * version in an {@code ETag} and read when they need to.
 */
@Configuration(proxyBeanMethods = false)
public class ReadYourWrites implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);
    static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final long STEP_NANOS = Duration.ofMillis(10).toNanos();

    private final EventStore events;
    private final Projections projections;

    public ReadYourWrites(EventStore events, Projections projections) {
        this.events = events;
        this.projections = projections;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                                   ModelAndView view) {
                if ("POST".equals(request.getMethod()) && view != null && view.getViewName() != null
                        && view.getViewName().startsWith("redirect:") && handler instanceof HandlerMethod method
                        && AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PageController.class)) {
                    awaitProjections();
                }
            }
        });
    }

    private void awaitProjections() {
        long head = events.createHeadToken().position().orElse(0);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!projections.reached(head)) {
            if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                log.warn("the read models had not reached event {} after {}; the page shows what they hold", head, PATIENCE);
                return;
            }
            LockSupport.parkNanos(STEP_NANOS);
        }
    }
}
