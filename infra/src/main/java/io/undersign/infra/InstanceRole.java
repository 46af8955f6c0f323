package io.undersign.infra;

import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocument;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatementPrincipals;
import com.hashicorp.cdktf.providers.aws.iam_instance_profile.IamInstanceProfile;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import java.util.List;
import software.constructs.Construct;

/** An EC2 instance profile whose role may do exactly the statements given. */
public class InstanceRole extends Construct {
    private final IamInstanceProfile profile;
    private final IamRole role;

    public InstanceRole(Construct scope, String id, String name, List<DataAwsIamPolicyDocumentStatement> statements) {
        super(scope, id);
        DataAwsIamPolicyDocument assume = DataAwsIamPolicyDocument.Builder.create(this, "assume").statement(List.of(
                DataAwsIamPolicyDocumentStatement.builder().actions(List.of("sts:AssumeRole")).principals(List.of(
                        DataAwsIamPolicyDocumentStatementPrincipals.builder().type("Service").identifiers(List.of("ec2.amazonaws.com")).build()))
                        .build()))
                .build();
        DataAwsIamPolicyDocument permissions = DataAwsIamPolicyDocument.Builder.create(this, "permissions").statement(statements).build();
        role = IamRole.Builder.create(this, "role").name(name).assumeRolePolicy(assume.getJson()).build();
        IamRolePolicy.Builder.create(this, "policy").name(name).role(role.getId()).policy(permissions.getJson()).build();
        profile = IamInstanceProfile.Builder.create(this, "profile").name(name).role(role.getName()).build();
    }

    /** One Allow statement. */
    public static DataAwsIamPolicyDocumentStatement allow(String sid, List<String> actions, List<String> resources) {
        return DataAwsIamPolicyDocumentStatement.builder().sid(sid).effect("Allow").actions(actions).resources(resources).build();
    }

    public IamRole role() {
        return role;
    }

    public IamInstanceProfile profile() {
        return profile;
    }
}
