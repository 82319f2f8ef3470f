package jp.kodoku.platform.gateway.ratelimit;

import com.zaxxer.hikari.HikariDataSource;
import jp.kodoku.platform.infra.testsupport.LocalPostgres;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Databases for the rate limiter's own tests: the bucket table as the gateway's migration creates it. */
final class RateLimitDatabases {

    private RateLimitDatabases() {
    }

    /** One node's connection pool, as the application has one. */
    static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        if (url.startsWith("jdbc:postgresql:")) {
            pool.setUsername(LocalPostgres.instance().username());
            pool.setPassword(LocalPostgres.instance().password());
        }
        pool.setMaximumPoolSize(10);
        return pool;
    }

    static void migrate(DataSource database) {
        try (Connection connection = database.getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("db/migration/V9_2__rate_limit_buckets.sql"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
