package jp.kodoku.platform.infra.readmodel;

import jp.kodoku.platform.infra.testsupport.LocalPostgres;
import org.axonframework.common.transaction.Transaction;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class ReadModelTransactionsTest {

    @Test
    void aReadModelTransactionCommitsWithoutWaitingForTheDiskAndLeavesTheConnectionAsItWas() {
        LocalPostgres postgres = LocalPostgres.instance();
        // one connection, so that the same session is seen inside and after the transaction
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
                postgres.createDatabase("relaxed_commit_test"), postgres.username(), postgres.password(), true);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        var relaxed = new ReadModelTransactions.RelaxedCommit(transactions, jdbc);

        Transaction transaction = relaxed.startTransaction();
        String inside = jdbc.queryForObject("SHOW synchronous_commit", String.class);
        transaction.commit();

        assertThat(inside).isEqualTo("off");
        assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
        String inAnOrdinaryTransaction = new TransactionTemplate(transactions).execute(
                tx -> jdbc.queryForObject("SHOW synchronous_commit", String.class));
        assertThat(inAnOrdinaryTransaction).isEqualTo("on");
        dataSource.destroy();
    }
}
