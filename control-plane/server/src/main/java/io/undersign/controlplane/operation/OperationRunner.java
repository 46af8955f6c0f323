package io.undersign.controlplane.operation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import io.undersign.controlplane.config.UndersignConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Runs an operation's remaining steps in order. A failed attempt is recorded and rethrown so the
 * scheduler retries with backoff; when the step has no attempts left the operation is FAILED and
 * nothing is rethrown. A crash mid-step leaves it RUNNING, and the next run repeats it.
 */
@ApplicationScoped
public class OperationRunner {
    private static final Logger LOG = Logger.getLogger(OperationRunner.class);

    private final OperationStore store;
    private final RetryPolicy retries;
    private final Map<String, StepHandler> handlers;
    private final MeterRegistry metrics;
    private final Optional<Duration> pauseAfterStepWork;

    @Inject
    public OperationRunner(OperationStore store, RetryPolicy retries, Instance<StepHandler> handlers, MeterRegistry metrics,
            UndersignConfig config) {
        this.store = store;
        this.retries = retries;
        this.handlers = handlers.stream().collect(Collectors.toMap(StepHandler::name, Function.identity()));
        this.metrics = metrics;
        this.pauseAfterStepWork = config.operations().pauseAfterStepWork();
    }

    public void run(String operationId) {
        var plan = store.begin(operationId);
        if (plan.isEmpty()) {
            return;
        }
        var tenant = plan.get().tenant();
        for (OperationStore.PlannedStep step : plan.get().remaining()) {
            StepHandler handler = handlers.get(step.name());
            if (handler == null) {
                throw new IllegalStateException("no handler for step " + step.name());
            }
            int attempt = store.stepStarted(operationId, step.position());
            Timer.Sample sample = Timer.start(metrics);
            try {
                Map<String, String> outputs = handler.run(tenant);
                if (pauseAfterStepWork.isPresent()) {
                    Thread.sleep(pauseAfterStepWork.get().toMillis());
                }
                long nanos = sample.stop(metrics.timer("undersign.step.duration", "step", step.name(), "outcome", "succeeded"));
                store.stepSucceeded(operationId, step.position(), outputs, nanos / 1_000_000);
                LOG.infof("Tenant %s, operation %s, step %s succeeded in %d ms", tenant.id(), operationId, step.name(), nanos / 1_000_000);
            } catch (Exception e) {
                long nanos = sample.stop(metrics.timer("undersign.step.duration", "step", step.name(), "outcome", "failed"));
                String error = describe(e);
                LOG.warnf("Tenant %s, operation %s, step %s failed: %s", tenant.id(), operationId, step.name(), error);
                if (e instanceof StepRefusedException || !retries.triesAgainAfter(attempt)) {
                    store.stepFailed(operationId, step.position(), error, nanos / 1_000_000);
                    countOutcome(plan.get().kind(), "failed");
                    return;
                }
                store.stepRetrying(operationId, step.position(), error, nanos / 1_000_000);
                throw new StepFailedException(step.name(), error);
            }
        }
        store.complete(operationId);
        countOutcome(plan.get().kind(), "succeeded");
    }

    private void countOutcome(OperationKind kind, String outcome) {
        metrics.counter("undersign.operations", "kind", kind.name().toLowerCase(), "outcome", outcome).increment();
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** Tells the scheduler to retry the operation later. */
    public static class StepFailedException extends RuntimeException {
        public StepFailedException(String step, String error) {
            super(step + ": " + error, null, false, false);
        }
    }
}
