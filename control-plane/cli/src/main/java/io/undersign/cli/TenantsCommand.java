package io.undersign.cli;

import picocli.CommandLine.Command;

@Command(name = "tenants", description = "Onboard and manage tenants.",
        subcommands = {TenantsCreate.class, TenantsList.class, TenantsShow.class, TenantsSuspend.class,
                TenantsResume.class, TenantsRetry.class, TenantsOffboard.class, TenantsCerts.class,
                TenantsEvidenceProvider.class, TenantsUpgrade.class, TenantsRollback.class,
                TenantsTagging.Tag.class, TenantsTagging.Untag.class, TenantsAuditVerify.class, TenantsDemoUnderwriters.class,
                TenantsKeys.Show.class, TenantsKeys.Rotate.class, TenantsRetention.Show.class, TenantsRetention.Check.class,
                TenantsRetention.Enforce.class})
class TenantsCommand {
}
