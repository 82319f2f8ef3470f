package jp.kodoku.platform.infra.personaldata;

import jp.kodoku.platform.infra.testsupport.LocalPostgres;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The vault on the real PostgreSQL, each case in a transaction as a command handler would run it. */
class JdbcPersonalDataVaultTest {

    private static JdbcTemplate jdbc;
    private static TransactionTemplate transaction;
    private static JdbcPersonalDataVault vault;

    @BeforeAll
    static void database() throws IOException {
        LocalPostgres postgres = LocalPostgres.instance();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(postgres.createDatabase("vault_test"),
                postgres.username(), postgres.password());
        jdbc = new JdbcTemplate(dataSource);
        try (var schema = JdbcPersonalDataVaultTest.class.getResourceAsStream("/db/migration/V2_1__personal_data_keys.sql")) {
            jdbc.execute(new String(schema.readAllBytes(), StandardCharsets.UTF_8));
        }
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        vault = new JdbcPersonalDataVault(jdbc);
    }

    @Test
    void sealsEveryValueOfASubjectWithItsOneKeyAndKeepsNullsInTheirPlace() {
        String subject = UUID.randomUUID().toString();

        SealedValue[] sealed = transaction.execute(tx -> vault.seal(subject, "山田 花子", null, "03-1234-5678"));

        assertThat(sealed).hasSize(3);
        assertThat(sealed[1]).isNull();
        assertThat(vault.unseal(sealed[0])).contains("山田 花子");
        assertThat(vault.unseal(sealed[2])).contains("03-1234-5678");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_keys WHERE subject = ?", Integer.class, subject))
                .isOne();
    }

    @Test
    void sealingOnlyNullsCreatesNoKey() {
        String subject = UUID.randomUUID().toString();

        SealedValue[] sealed = transaction.execute(tx -> vault.seal(subject, null, null));

        assertThat(sealed).containsExactly(null, null);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_keys WHERE subject = ?", Integer.class, subject))
                .isZero();
    }

    @Test
    void erasedDataCanNeitherBeReadNorWrittenAgain() {
        String subject = UUID.randomUUID().toString();
        SealedValue email = transaction.execute(tx -> vault.seal(subject, "hanako@example.jp")[0]);

        transaction.executeWithoutResult(tx -> vault.erase(subject));

        assertThat(vault.isErased(subject)).isTrue();
        assertThat(vault.unseal(email)).isEmpty();
        assertThatThrownBy(() -> transaction.execute(tx -> vault.seal(subject, "again@example.jp")))
                .isInstanceOf(PersonalDataVault.SubjectErasedException.class);
    }

    @Test
    void aSubjectErasedBeforeAnythingWasSealedStaysErasedAndErasingTwiceIsHarmless() {
        String subject = UUID.randomUUID().toString();

        transaction.executeWithoutResult(tx -> {
            vault.erase(subject);
            vault.erase(subject);
            // the transaction is still usable after the second erasure
            assertThat(jdbc.queryForObject("SELECT 1", Integer.class)).isOne();
        });

        assertThat(vault.isErased(subject)).isTrue();
        assertThatThrownBy(() -> transaction.execute(tx -> vault.seal(subject, "hanako@example.jp")))
                .isInstanceOf(PersonalDataVault.SubjectErasedException.class);
    }

    @Test
    void twoTransactionsSealingForTheSameNewSubjectAtOnceShareOneKey() throws Exception {
        String subject = UUID.randomUUID().toString();
        CountDownLatch firstHasSealed = new CountDownLatch(1);
        CountDownLatch secondHasStarted = new CountDownLatch(1);

        CompletableFuture<SealedValue> first = CompletableFuture.supplyAsync(() -> transaction.execute(tx -> {
            SealedValue value = vault.seal(subject, "first")[0];
            firstHasSealed.countDown();
            await(secondHasStarted);
            // commit only once the second transaction waits for this one's new key
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
                    Integer.class) == 1);
            return value;
        }));
        await(firstHasSealed);
        CompletableFuture<SealedValue> second = CompletableFuture.supplyAsync(() -> transaction.execute(tx -> {
            secondHasStarted.countDown();
            SealedValue value = vault.seal(subject, "second")[0];
            // the transaction is still usable after losing the race
            assertThat(jdbc.queryForObject("SELECT 1", Integer.class)).isOne();
            return value;
        }));

        assertThat(vault.unseal(first.get(30, TimeUnit.SECONDS))).contains("first");
        assertThat(vault.unseal(second.get(30, TimeUnit.SECONDS))).contains("second");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
