package jp.kodoku.platform.infra.readmodel;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.sql.DatabaseMetaData;
import java.util.List;

/**
 * The transactions of the read models' processors commit without waiting for PostgreSQL to flush them to disk
 * ({@code synchronous_commit = off} for those transactions only).
 *
 * <p>Why that is safe: such a transaction only moves a processor's token (and its dead letters); the read models it
 * wrote to are idempotent. A crash can lose the last few hundred milliseconds of token moves, never a command's events
 * (commands keep their own, synchronous transactions), and the processor then handles those events again with the same
 * result. Why it matters: each processor commits once per batch, and woken by every stored event that is a commit per
 * processor per command; on a small machine those flushes queued behind the commands' own.
 *
 * <p>Only the processors named in {@code platform.read-models.relaxed-commit} get this; a processor that sends
 * commands (the accounts processor) does not, because its commands would join its transaction. The embedded H2
 * database has no such setting and keeps committing as before.
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelTransactions {

    private static final Logger log = LoggerFactory.getLogger(ReadModelTransactions.class);

    @Bean
    ConfigurerModule relaxedCommitForReadModels(DataSource dataSource, PlatformTransactionManager transactions,
                                                @Value("${platform.read-models.relaxed-commit:}") List<String> processors)
            throws Exception {
        String database = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        if (!"PostgreSQL".equals(database) || processors.isEmpty()) {
            return configurer -> { };
        }
        log.info("Read-model processors {} commit asynchronously (synchronous_commit = off)", processors);
        TransactionManager relaxed = new RelaxedCommit(transactions, new JdbcTemplate(dataSource));
        return configurer -> processors.forEach(name -> configurer.eventProcessing()
                                                                   .registerTransactionManager(name, config -> relaxed));
    }

    static final class RelaxedCommit implements TransactionManager {

        private final SpringTransactionManager delegate;
        private final JdbcTemplate jdbc;

        RelaxedCommit(PlatformTransactionManager transactions, JdbcTemplate jdbc) {
            this.delegate = new SpringTransactionManager(transactions);
            this.jdbc = jdbc;
        }

        @Override
        public Transaction startTransaction() {
            Transaction transaction = delegate.startTransaction();
            // LOCAL: ends with this transaction; runs on the connection the transaction is bound to
            jdbc.execute("SET LOCAL synchronous_commit TO OFF");
            return transaction;
        }
    }
}
