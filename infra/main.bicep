// Entry point for `azd up` (azure.yaml names it): one resource group holding Dome on Azure Functions Flex Consumption,
// its storage account (tables, queues, deployment container; Entra ID only), Key Vault (RBAC), Log Analytics and
// Application Insights, the operators' workbook, and the user-assigned identity the app signs in with.
// docs/azure.md ("Deployment") explains each choice; the resources live in ./modules.
targetScope = 'subscription'

@minLength(1)
@maxLength(40)
@description('Name of the azd environment; names the resource group and seeds every resource name.')
param environmentName string

@minLength(1)
@description('Azure region for every resource (one where Flex Consumption is available).')
param location string

@description('Object id of the person running `azd up` (AZURE_PRINCIPAL_ID): gets the data roles the onboarding step needs. Empty: none.')
param principalId string = ''

@allowed([ 'User', 'ServicePrincipal', 'Group' ])
@description('Kind of principal `principalId` is.')
param principalType string = 'User'

@minValue(1)
@maxValue(1000)
@description('The most instances Flex Consumption may scale the app out to.')
param maximumInstanceCount int = 40

@allowed([ 512, 2048, 4096 ])
@description('Memory of each instance, in MB.')
param instanceMemoryMB int = 2048

var token = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var names = {
  resourceGroup: 'rg-${environmentName}'
  identity: 'id-dome-${token}'
  logAnalytics: 'log-dome-${token}'
  appInsights: 'appi-dome-${token}'
  storage: take('stdome${token}', 24)
  keyVault: take('kv-dome-${token}', 24)
  plan: 'plan-dome-${token}'
  functionApp: 'func-dome-${token}'
  deploymentContainer: 'app-package-dome-${token}'
}

resource group 'Microsoft.Resources/resourceGroups@2021-04-01' = {
  name: names.resourceGroup
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: group
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: group
  params: {
    logAnalyticsName: names.logAnalytics
    appInsightsName: names.appInsights
    location: location
    tags: tags
    publisherPrincipalId: identity.outputs.principalId
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: group
  params: {
    name: names.storage
    location: location
    tags: tags
    deploymentContainerName: names.deploymentContainer
    appPrincipalId: identity.outputs.principalId
    operatorPrincipalId: principalId
    operatorPrincipalType: principalType
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: group
  params: {
    name: names.keyVault
    location: location
    tags: tags
    appPrincipalId: identity.outputs.principalId
    operatorPrincipalId: principalId
    operatorPrincipalType: principalType
  }
}

module app 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: group
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    tableEndpoint: storage.outputs.tableEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    keyVaultUri: keyVault.outputs.uri
    appInsightsConnectionString: monitoring.outputs.connectionString
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
}

module workbook 'modules/workbook.bicep' = {
  name: 'workbook'
  scope: group
  params: {
    location: location
    tags: tags
    appInsightsId: monitoring.outputs.appInsightsId
  }
}

// azd keeps these in .azure/<env>/.env; README and scripts/azure-onboard read them.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = group.name
output DOME_ENVIRONMENT string = environmentName
output DOME_URL string = app.outputs.url
output DOME_FUNCTION_APP_NAME string = app.outputs.name
output DOME_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output DOME_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output DOME_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output DOME_QUEUE_ENDPOINT string = storage.outputs.queueEndpoint
output DOME_KEY_VAULT_URI string = keyVault.outputs.uri
output DOME_KEY_VAULT_NAME string = keyVault.outputs.name
output DOME_WORKBOOK_ID string = workbook.outputs.id
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.connectionString
