// Dome's storage account: its tables (the stores), its queues (lifecycle and audit, with their poison queues), and
// the blob container Flex Consumption deploys the app package from. Shared Key access is off: everything signs in
// with Entra ID (the app identity, the Functions host through the same identity, the operator during onboarding).
param name string
param location string
param tags object
param deploymentContainerName string

@description('Principal id of the app identity.')
param appPrincipalId string

@description('Object id of the operator who runs the onboarding step; empty for none.')
param operatorPrincipalId string = ''
param operatorPrincipalType string = 'User'

var roles = {
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

// The app identity: blobs for the Functions host (AzureWebJobsStorage: leases, host keys) and the deployment
// package; queues for the triggers (read, delete, poison) and the app's sends; tables for every store.
var appRoles = [ roles.blobDataOwner, roles.queueDataContributor, roles.tableDataContributor ]

// The operator: the onboarding step (scripts/azure-onboard) runs Dome locally against these tables and queues.
var operatorRoles = [ roles.queueDataContributor, roles.tableDataContributor ]

var queueNames = [ 'dome-lifecycle', 'dome-lifecycle-poison', 'dome-audit', 'dome-audit-poison' ]

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [for queue in queueNames: {
  parent: queueService
  name: queue
}]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource appAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in appRoles: {
  name: guid(account.id, appPrincipalId, role)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}]

resource operatorAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in operatorRoles: if (!empty(operatorPrincipalId)) {
  name: guid(account.id, operatorPrincipalId, role)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
  }
}]

output name string = account.name
output tableEndpoint string = 'https://${account.name}.table.${environment().suffixes.storage}'
output queueEndpoint string = 'https://${account.name}.queue.${environment().suffixes.storage}'
output deploymentContainerUrl string = '${account.properties.primaryEndpoints.blob}${deploymentContainer.name}'
