package io.undersign.controlplane.driver.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner against a stand-in executable that speaks Terraform's documented machine-readable
 * UI: a clean apply, a partial apply that fails on one resource, a plan error, a destroy.
 */
class TerraformRunnerTest {
    private static final Path STANDIN = Path.of("src/test/resources/terraform-standin/terraform").toAbsolutePath();

    @TempDir
    Path work;

    private Path stack;
    private Path log;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void stack() throws Exception {
        stack = Files.createDirectories(work.resolve("stacks/acme"));
        Files.writeString(stack.resolve("cdk.tf.json"), "{}");
        log = work.resolve("calls.log");
    }

    private TerraformRunner runner(String scenario) {
        return new TerraformRunner(STANDIN, Map.of("STANDIN_LOG", log.toString(), "STANDIN_SCENARIO", scenario), 5);
    }

    @Test
    void appliesThePlanItMadeAndReadsTheOutputs() throws Exception {
        TerraformRunner.Applied applied = runner("ok").apply(stack, progress::add);
        assertThat(applied.added()).isEqualTo(2);
        assertThat(applied.outputs().get("alb_dns_name").asText()).isEqualTo("us-acme-web-1234567890.eu-west-2.elb.amazonaws.com");
        assertThat(applied.outputs().get("db_endpoint").asText()).endsWith(".rds.amazonaws.com:3306");
        assertThat(Files.readAllLines(log)).containsExactly(
                stack + " init -input=false -no-color",
                stack + " plan -input=false -json -out=undersign.tfplan",
                stack + " apply -input=false -json undersign.tfplan",
                stack + " output -json");
        assertThat(progress).contains("plan: create aws_db_instance.data_db", "aws_vpc.network_vpc: Creating...",
                "Apply complete! Resources: 2 added, 0 changed, 0 destroyed.");
    }

    @Test
    void aPartialApplySaysWhatFailedWhyAndWhatWasDone() {
        assertThatThrownBy(() -> runner("partial").apply(stack, progress::add))
                .isInstanceOfSatisfying(TerraformRunner.TerraformException.class, e -> {
                    assertThat(e.diagnostics()).singleElement().satisfies(d -> {
                        assertThat(d.severity()).isEqualTo("error");
                        assertThat(d.address()).isEqualTo("aws_db_instance.data_db");
                        assertThat(d.summary()).contains("Cannot find version 8.0 for mysql");
                    });
                    assertThat(e.completed()).containsExactly("aws_vpc.network_vpc");
                    assertThat(e.getMessage()).startsWith("terraform apply failed: aws_db_instance.data_db: creating RDS DB Instance")
                            .endsWith("(completed before the error: aws_vpc.network_vpc)");
                });
        assertThat(progress).contains("aws_db_instance.data_db: Creation errored after 12s");
    }

    @Test
    void aPlanErrorStopsBeforeAnythingIsApplied() throws Exception {
        assertThatThrownBy(() -> runner("plan-error").apply(stack, progress::add))
                .hasMessageContaining("terraform plan failed: Reference to undeclared resource")
                .hasMessageContaining("has not been declared");
        assertThat(Files.readAllLines(log)).noneMatch(l -> l.contains(" apply "));
    }

    @Test
    void destroyPlansTheDestructionFirst() throws Exception {
        runner("ok").destroy(stack, progress::add);
        assertThat(Files.readAllLines(log)).contains(stack + " plan -input=false -json -out=undersign.tfplan -destroy");
        assertThat(progress).contains("plan: delete aws_vpc.network_vpc");
    }

    @Test
    void aMissingStackIsReportedFromInit() throws Exception {
        Files.delete(stack.resolve("cdk.tf.json"));
        assertThatThrownBy(() -> runner("ok").apply(stack, progress::add))
                .hasMessage("terraform init failed: Error: No configuration files");
    }
}
