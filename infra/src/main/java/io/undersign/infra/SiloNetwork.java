package io.undersign.infra;

import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.providers.aws.data_aws_availability_zones.DataAwsAvailabilityZones;
import com.hashicorp.cdktf.providers.aws.ec2_transit_gateway_vpc_attachment.Ec2TransitGatewayVpcAttachment;
import com.hashicorp.cdktf.providers.aws.internet_gateway.InternetGateway;
import com.hashicorp.cdktf.providers.aws.route.Route;
import com.hashicorp.cdktf.providers.aws.route_table.RouteTable;
import com.hashicorp.cdktf.providers.aws.route_table_association.RouteTableAssociation;
import com.hashicorp.cdktf.providers.aws.subnet.Subnet;
import com.hashicorp.cdktf.providers.aws.vpc.Vpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The tenant's VPC over two availability zones: public subnets for the load balancers (through an
 * internet gateway), private subnets for instances, database and broker, whose only way out is
 * the platform's Transit Gateway (centralised egress: no NAT gateway per tenant).
 */
public class SiloNetwork extends Construct {
    private final Vpc vpc;
    private final List<String> publicSubnetIds = new ArrayList<>();
    private final List<String> privateSubnetIds = new ArrayList<>();

    public SiloNetwork(Construct scope, String id, TenantSiloSpec spec) {
        super(scope, id);
        vpc = Vpc.Builder.create(this, "vpc").cidrBlock(spec.vpcCidr()).enableDnsSupport(true).enableDnsHostnames(true)
                .tags(Map.of("Name", "undersign-" + spec.tenantId())).build();
        DataAwsAvailabilityZones zones = DataAwsAvailabilityZones.Builder.create(this, "zones").state("available").build();
        List<String> cidrs = spec.subnetCidrs();
        InternetGateway gateway = InternetGateway.Builder.create(this, "igw").vpcId(vpc.getId()).build();
        RouteTable publicRoutes = RouteTable.Builder.create(this, "public-routes").vpcId(vpc.getId()).build();
        Route.Builder.create(this, "public-default").routeTableId(publicRoutes.getId()).destinationCidrBlock("0.0.0.0/0")
                .gatewayId(gateway.getId()).build();
        RouteTable privateRoutes = RouteTable.Builder.create(this, "private-routes").vpcId(vpc.getId()).build();
        for (int az = 0; az < 2; az++) {
            String zone = Token.asString(Fn.element(zones.getNames(), az));
            Subnet publicSubnet = Subnet.Builder.create(this, "public-" + az).vpcId(vpc.getId()).cidrBlock(cidrs.get(az))
                    .availabilityZone(zone).mapPublicIpOnLaunch(false)
                    .tags(Map.of("Name", "undersign-" + spec.tenantId() + "-public-" + az, "undersign:tier", "public")).build();
            Subnet privateSubnet = Subnet.Builder.create(this, "private-" + az).vpcId(vpc.getId()).cidrBlock(cidrs.get(2 + az))
                    .availabilityZone(zone).mapPublicIpOnLaunch(false)
                    .tags(Map.of("Name", "undersign-" + spec.tenantId() + "-private-" + az, "undersign:tier", "private")).build();
            RouteTableAssociation.Builder.create(this, "public-" + az + "-routes").subnetId(publicSubnet.getId())
                    .routeTableId(publicRoutes.getId()).build();
            RouteTableAssociation.Builder.create(this, "private-" + az + "-routes").subnetId(privateSubnet.getId())
                    .routeTableId(privateRoutes.getId()).build();
            publicSubnetIds.add(publicSubnet.getId());
            privateSubnetIds.add(privateSubnet.getId());
        }
        Ec2TransitGatewayVpcAttachment egress = Ec2TransitGatewayVpcAttachment.Builder.create(this, "egress")
                .transitGatewayId(spec.transitGatewayId()).vpcId(vpc.getId()).subnetIds(privateSubnetIds)
                .tags(Map.of("Name", "undersign-" + spec.tenantId())).build();
        Route.Builder.create(this, "private-default").routeTableId(privateRoutes.getId()).destinationCidrBlock("0.0.0.0/0")
                .transitGatewayId(spec.transitGatewayId()).dependsOn(List.of(egress)).build();
    }

    public Vpc vpc() {
        return vpc;
    }

    public List<String> publicSubnetIds() {
        return publicSubnetIds;
    }

    public List<String> privateSubnetIds() {
        return privateSubnetIds;
    }
}
