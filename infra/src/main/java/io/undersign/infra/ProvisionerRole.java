package io.undersign.infra;

import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocument;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatementCondition;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatementPrincipals;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import java.util.List;
import software.constructs.Construct;

/**
 * The role Terraform assumes to build and remove tenant silos (the silo stack's provider assumes
 * it): the services a silo is made of, IAM only for silos' own runtime roles, and nothing else;
 * only the control plane's role may assume it. Kept apart so that the control plane's own role
 * stays scoped to the calls its SDK makes.
 */
public class ProvisionerRole extends Construct {
    public static final String NAME = "undersign-provisioner";

    /** Every service a silo stack creates resources in (TenantSiloStack and its constructs). */
    static final List<String> SILO_SERVICES = List.of("ec2", "elasticloadbalancing", "wafv2", "acm", "rds", "mq", "autoscaling",
            "logs", "cloudwatch", "guardduty", "kms");

    private final IamRole role;

    public ProvisionerRole(Construct scope, String id, String controlPlaneRoleArn, String account, String trustStoreBucket,
            String hostedZoneArn) {
        super(scope, id);
        DataAwsIamPolicyDocument assume = DataAwsIamPolicyDocument.Builder.create(this, "assume").statement(List.of(
                DataAwsIamPolicyDocumentStatement.builder().actions(List.of("sts:AssumeRole")).principals(List.of(
                        DataAwsIamPolicyDocumentStatementPrincipals.builder().type("AWS").identifiers(List.of(controlPlaneRoleArn)).build()))
                        .build()))
                .build();
        String runtimeRoles = "arn:aws:iam::" + account + ":role/undersign-*-runtime";
        String runtimeProfiles = "arn:aws:iam::" + account + ":instance-profile/undersign-*-runtime";
        DataAwsIamPolicyDocument permissions = DataAwsIamPolicyDocument.Builder.create(this, "permissions").statement(List.of(
                InstanceRole.allow("SiloServices", SILO_SERVICES.stream().map(service -> service + ":*").toList(), List.of("*")),
                InstanceRole.allow("SiloRuntimeRoles", List.of("iam:CreateRole", "iam:DeleteRole", "iam:GetRole", "iam:TagRole",
                        "iam:UntagRole", "iam:PutRolePolicy", "iam:GetRolePolicy", "iam:DeleteRolePolicy", "iam:ListRolePolicies",
                        "iam:ListAttachedRolePolicies", "iam:ListInstanceProfilesForRole", "iam:CreateInstanceProfile",
                        "iam:DeleteInstanceProfile", "iam:GetInstanceProfile", "iam:TagInstanceProfile",
                        "iam:AddRoleToInstanceProfile", "iam:RemoveRoleFromInstanceProfile"), List.of(runtimeRoles, runtimeProfiles)),
                // the runtime role goes to EC2 instances only; never the control plane's or this one
                DataAwsIamPolicyDocumentStatement.builder().sid("PassRuntimeRoles").effect("Allow").actions(List.of("iam:PassRole"))
                        .resources(List.of(runtimeRoles)).condition(List.of(DataAwsIamPolicyDocumentStatementCondition.builder()
                                .test("StringEquals").variable("iam:PassedToService").values(List.of("ec2.amazonaws.com")).build()))
                        .build(),
                // RDS, ELB, Amazon MQ, Auto Scaling and GuardDuty make their service-linked roles on first use
                DataAwsIamPolicyDocumentStatement.builder().sid("ServiceLinkedRoles").effect("Allow")
                        .actions(List.of("iam:CreateServiceLinkedRole")).resources(List.of("*"))
                        .condition(List.of(DataAwsIamPolicyDocumentStatementCondition.builder().test("StringEquals")
                                .variable("iam:AWSServiceName").values(List.of("rds.amazonaws.com", "elasticloadbalancing.amazonaws.com",
                                        "mq.amazonaws.com", "autoscaling.amazonaws.com", "guardduty.amazonaws.com")).build()))
                        .build(),
                InstanceRole.allow("CertificateValidationRecords", List.of("route53:ChangeResourceRecordSets",
                        "route53:ListResourceRecordSets", "route53:GetHostedZone"), List.of(hostedZoneArn)),
                InstanceRole.allow("DnsChangeStatus", List.of("route53:GetChange"), List.of("arn:aws:route53:::change/*")),
                // the broker user's password (a data source) and the trust store's CA bundle
                InstanceRole.allow("SiloSecretsRead", List.of("secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"),
                        List.of("arn:aws:secretsmanager:*:" + account + ":secret:undersign/*")),
                InstanceRole.allow("TrustStoreBundles", List.of("s3:GetObject", "s3:GetObjectVersion"),
                        List.of("arn:aws:s3:::" + trustStoreBucket + "/tenants/*"))))
                .build();
        role = IamRole.Builder.create(this, "role").name(NAME).assumeRolePolicy(assume.getJson()).maxSessionDuration(7200).build();
        IamRolePolicy.Builder.create(this, "policy").name(NAME).role(role.getId()).policy(permissions.getJson()).build();
    }

    public IamRole role() {
        return role;
    }
}
