package io.undersign.infra;

import io.undersign.contract.EvidenceQueues;
import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarm;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/** CloudWatch alarms of one silo, to the SNS topic the on-call system routes (P1 voice, P2 SMS). */
public class SiloAlarms extends Construct {
    private final TenantSiloSpec spec;

    public SiloAlarms(Construct scope, String id, TenantSiloSpec spec, SiloEdge edge, SiloData data) {
        super(scope, id);
        this.spec = spec;
        alarm("web-5xx", "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", Map.of("LoadBalancer", edge.alb().getArnSuffix()),
                "Sum", "GreaterThanThreshold", 10, "More than 10 server errors a minute on the interview, 5 minutes running");
        alarm("web-unhealthy", "AWS/ApplicationELB", "UnHealthyHostCount", Map.of("LoadBalancer", edge.alb().getArnSuffix(),
                "TargetGroup", edge.interviewTargets().getArnSuffix()), "Maximum", "GreaterThanThreshold", 0,
                "A runtime instance fails the interview health check");
        alarm("api-unhealthy", "AWS/NetworkELB", "UnHealthyHostCount", Map.of("LoadBalancer", edge.nlb().getArnSuffix(),
                "TargetGroup", edge.apiTargets().getArnSuffix()), "Maximum", "GreaterThanThreshold", 0,
                "A runtime instance fails the API health check");
        alarm("db-cpu", "AWS/RDS", "CPUUtilization", Map.of("DBInstanceIdentifier", data.database().getIdentifier()),
                "Average", "GreaterThanThreshold", 80, "Database CPU above 80%");
        alarm("db-storage", "AWS/RDS", "FreeStorageSpace", Map.of("DBInstanceIdentifier", data.database().getIdentifier()),
                "Minimum", "LessThanThreshold", 5L * 1024 * 1024 * 1024, "Less than 5 GiB of database storage left");
        String results = EvidenceQueues.of(spec.tenantId()).results();
        alarm("evidence-backlog", "AWS/AmazonMQ", "QueueSize", Map.of("Broker", data.broker().getBrokerName(), "Queue", results),
                "Maximum", "GreaterThanThreshold", 1000, "More than 1,000 evidence results waiting");
        alarm("evidence-dead-letters", "AWS/AmazonMQ", "QueueSize", Map.of("Broker", data.broker().getBrokerName(), "Queue",
                results + ".DLQ"), "Maximum", "GreaterThanThreshold", 0, "Evidence results in the dead-letter queue");
    }

    private void alarm(String id, String namespace, String metric, Map<String, String> dimensions, String statistic,
            String comparison, double threshold, String description) {
        CloudwatchMetricAlarm.Builder.create(this, id).alarmName("undersign-" + spec.tenantId() + "-" + id)
                .alarmDescription(description).namespace(namespace).metricName(metric).dimensions(dimensions)
                .statistic(statistic).period(60).evaluationPeriods(5).datapointsToAlarm(5).threshold(threshold)
                .comparisonOperator(comparison).treatMissingData("notBreaching")
                .alarmActions(List.of(spec.alarmTopicArn())).okActions(List.of(spec.alarmTopicArn())).build();
    }
}
