package jp.kodoku.platform.infra.eventstore;

import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.axonframework.spring.config.SpringAggregateConfigurer;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every aggregate's lock is held until the transaction that wrote its events has ended, not only until the command's
 * unit of work has.
 *
 * <p>Why: Axon releases an aggregate's lock when the command's unit of work cleans up. When the command runs inside a
 * transaction that someone else opened (an idempotent request, which stores its key with the events; an event
 * handler that sends a command), that transaction commits <em>later</em>. In between, a second command on the same
 * aggregate took the lock, loaded the aggregate without the first one's uncommitted events, and appended events with
 * the same sequence numbers: its insert waited for the first commit, then failed, and the request was refused 409
 * although it had never lost a race with another node (a resend succeeded). Holding the lock until the transaction
 * completes makes one node's commands on one aggregate truly one after another, whatever transaction they run in.
 *
 * <p>Applied to every aggregate by setting this lock factory on each {@link SpringAggregateConfigurer} (the beans
 * Axon's Spring support makes of the {@code @Aggregate} classes), so a new aggregate is covered without a word.
 */
public final class LocksHeldUntilCommit implements LockFactory {

    private final LockFactory locks = PessimisticLockFactory.usingDefaults();

    /** The lock factory, and every aggregate set to use it. */
    @Configuration(proxyBeanMethods = false)
    static class ForEveryAggregate {

        static final String BEAN = "aggregateLocksHeldUntilCommit";

        @Bean(BEAN)
        static LockFactory aggregateLocksHeldUntilCommit() {
            return new LocksHeldUntilCommit();
        }

        @Bean
        static BeanPostProcessor everyAggregateLocksUntilCommit() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessBeforeInitialization(Object bean, String beanName) {
                    if (bean instanceof SpringAggregateConfigurer<?> aggregate) {
                        aggregate.setLockFactory(BEAN);
                    }
                    return bean;
                }
            };
        }
    }

    @Override
    public Lock obtainLock(String identifier) {
        Lock lock = locks.obtainLock(identifier);
        return new Lock() {
            @Override
            public void release() {
                if (TransactionSynchronizationManager.isSynchronizationActive()
                        && TransactionSynchronizationManager.isActualTransactionActive()) {
                    // the transaction goes on after the unit of work: release when it has committed or rolled back
                    // (same thread, so the lock's owner releases it)
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            lock.release();
                        }
                    });
                } else {
                    lock.release();
                }
            }

            @Override
            public boolean isHeld() {
                return lock.isHeld();
            }
        };
    }
}
