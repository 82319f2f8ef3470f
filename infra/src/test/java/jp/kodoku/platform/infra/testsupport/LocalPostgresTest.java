package jp.kodoku.platform.infra.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

class LocalPostgresTest {

    private final LocalPostgres pg = LocalPostgres.instance();

    @Test
    void isAJvmWideSingleton() {
        assertThat(LocalPostgres.instance()).isSameAs(pg);
        assertThat(pg.port()).isPositive();
        assertThat(pg.adminJdbcUrl()).startsWith("jdbc:postgresql://");
        assertThat(pg.username()).isNotBlank();
        assertThat(pg.password()).isNotNull();
    }

    @Test
    void eachCreatedDatabaseIsSeparateAndEmpty() throws SQLException {
        String first = pg.createDatabase("local_pg_test");
        String second = pg.createDatabase("local_pg_test");
        assertThat(first).isNotEqualTo(second);

        try (Connection c = connect(first); Statement s = c.createStatement()) {
            s.execute("create table greeting (id int primary key, text varchar(100) not null)");
            s.execute("insert into greeting values (1, 'こんにちは')");
            assertThat(queryString(s, "select text from greeting where id = 1")).isEqualTo("こんにちは");
            assertThat(queryString(s, "select current_database()")).isEqualTo(databaseName(first));
        }

        try (Connection c = connect(second); Statement s = c.createStatement()) {
            assertThat(queryString(s, "select current_database()")).isEqualTo(databaseName(second));
            assertThat(queryString(s, "select to_regclass('public.greeting')::text")).isNull();
            assertThat(queryString(s,
                    "select count(*)::text from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                            + "where n.nspname = 'public'")).isEqualTo("0");
            s.execute("create table greeting (id int primary key, text varchar(100) not null)");
            assertThat(queryString(s, "select count(*)::text from greeting")).isEqualTo("0");
        }
    }

    @Test
    void isARealPostgresqlServer() throws SQLException {
        try (Connection c = connect(pg.createDatabase("version")); Statement s = c.createStatement()) {
            assertThat(queryString(s, "select version()")).startsWith("PostgreSQL ");
            assertThat(queryString(s, "show server_encoding")).isEqualTo("UTF8");
            if (!pg.isExternal()) {
                // Durability tests kill processes and rely on acknowledged commits being on disk.
                assertThat(queryString(s, "show fsync")).isEqualTo("on");
                assertThat(queryString(s, "show max_connections")).isEqualTo("200");
                assertThat(queryString(s, "show listen_addresses")).isEqualTo("127.0.0.1");
            }
        }
    }

    private Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, pg.username(), pg.password());
    }

    private static String queryString(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static String databaseName(String jdbcUrl) {
        String path = jdbcUrl.substring(jdbcUrl.indexOf("//") + 2);
        path = path.substring(path.indexOf('/') + 1);
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }
}
