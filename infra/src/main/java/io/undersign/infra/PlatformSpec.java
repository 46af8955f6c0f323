package io.undersign.infra;

/**
 * The shared platform: the hosted zone tenants' names live in, the Transit Gateway every silo
 * leaves through, and the control plane's own hosting.
 *
 * @param egressCidr the egress VPC's /16 (outside every tenant's range)
 * @param tenantSupernet what all tenant VPCs are carved from (return traffic goes back through the TGW)
 * @param trustStoreBucket tenants' client CAs and revocation lists, read by their API load balancers
 * @param releaseBucket release artifacts and rulebooks by content hash, read by the runtimes' instances
 */
public record PlatformSpec(String region, String zoneName, String egressCidr, String tenantSupernet, String controlPlaneImageId,
        String controlPlaneInstanceType, String stateBucket, String stateLockTable, String trustStoreBucket,
        String releaseBucket) {

    public PlatformSpec {
        for (String[] field : new String[][] {{region, "region"}, {zoneName, "zoneName"}, {egressCidr, "egressCidr"},
                {tenantSupernet, "tenantSupernet"}, {controlPlaneImageId, "controlPlaneImageId"}, {stateBucket, "stateBucket"},
                {stateLockTable, "stateLockTable"}, {trustStoreBucket, "trustStoreBucket"},
                {releaseBucket, "releaseBucket"}}) {
            if (field[0] == null || field[0].isBlank()) {
                throw new IllegalArgumentException(field[1] + ": is required");
            }
        }
        if (!egressCidr.matches("\\d{1,3}\\.\\d{1,3}\\.0\\.0/16")) {
            throw new IllegalArgumentException("egressCidr: '" + egressCidr + "' must be a /16");
        }
        controlPlaneInstanceType = controlPlaneInstanceType == null ? "t3.medium" : controlPlaneInstanceType;
    }

    /** Public (NAT) and transit subnets of the egress VPC, two zones each. */
    public java.util.List<String> subnetCidrs() {
        String prefix = egressCidr.substring(0, egressCidr.indexOf(".0.0/16"));
        return java.util.List.of(prefix + ".0.0/24", prefix + ".1.0/24", prefix + ".16.0/24", prefix + ".17.0/24");
    }
}
