// Key Vault with RBAC authorization (no access policies). Dome keeps its tenants' connection secrets and its token
// signing keys here (Dome:KeyVault:Uri). The app writes both (secrets through the admin API, keys on rotation), so
// its identity is Key Vault Secrets Officer on this vault only; the operator gets the same to read the keys the
// onboarding step stores and to rotate them by hand.
param name string
param location string
param tags object

@description('Principal id of the app identity.')
param appPrincipalId string

@description('Object id of the operator who runs the onboarding step; empty for none.')
param operatorPrincipalId string = ''
param operatorPrincipalType string = 'User'

var secretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    publicNetworkAccess: 'Enabled'
  }
}

resource app 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appPrincipalId, secretsOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsOfficer)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource operator 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  name: guid(vault.id, operatorPrincipalId, secretsOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsOfficer)
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
