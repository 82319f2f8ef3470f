package jp.kodoku.platform.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The whole platform in one process: every domain module, its projections, and the REST API in front of them. */
@SpringBootApplication(scanBasePackages = "jp.kodoku.platform")
public class PlatformApplication {

    public static void main(String[] args) {
        // Axon's update checker would try to reach the internet at start.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(PlatformApplication.class, args);
    }
}
