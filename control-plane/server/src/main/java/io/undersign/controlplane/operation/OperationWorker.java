package io.undersign.controlplane.operation;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.undersign.controlplane.config.UndersignConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.time.Instant;

/**
 * Drives operations with db-scheduler on the control-plane database: it claims due work with row
 * locks, heartbeats while a step runs, revives executions whose worker died, and retries failed
 * attempts with exponential backoff. Scheduling joins the caller's transaction, so an operation
 * row and its execution are committed together.
 */
@ApplicationScoped
public class OperationWorker {
    static final String TASK_NAME = "operation";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    UndersignConfig config;

    @Inject
    OperationRunner runner;

    @Inject
    io.undersign.controlplane.privacy.PrivacySweep privacySweep;

    private OneTimeTask<Void> task;
    private Scheduler scheduler;

    void start(@Observes @Priority(100) StartupEvent event) throws Exception {
        task = Tasks.oneTime(TASK_NAME)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(config.operations().retryBackoff(), 2.0))
                .execute((instance, context) -> runner.run(instance.getId()));
        String name = InetAddress.getLocalHost().getHostName() + "-" + ProcessHandle.current().pid();
        scheduler = Scheduler.create(dataSource, task)
                .startTasks(privacySweep.task())
                .schedulerName(new SchedulerName.Fixed(name))
                .threads(config.operations().workerThreads())
                .pollingInterval(config.operations().pollInterval())
                .heartbeatInterval(config.operations().heartbeat())
                .missedHeartbeatsLimit(4)
                .enableImmediateExecution()
                .alwaysPersistTimestampInUTC()
                .build();
        scheduler.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.stop();
        }
    }

    /** Queues the operation to run now, in the caller's transaction; a no-op when already queued. */
    public void enqueue(String operationId) {
        scheduler.scheduleIfNotExists(task.instance(operationId), Instant.now());
    }
}
