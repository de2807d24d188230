// Dome's Functions app on Flex Consumption. The runtime stack is dotnet-isolated 10.0: it provides the .NET 10
// runtime (with ASP.NET Core) that host.json's custom handler (`dotnet Dome.Functions.dll`) runs on. The app
// signs in everywhere as the user-assigned identity; the app settings below are exactly what the Functions host
// and Dome read (tests/Dome.Functions.Tests/Deployment/InfraConsistencyTests keeps them honest).
param name string
param planName string
param location string
param tags object
param identityId string
param identityClientId string
param storageAccountName string
param tableEndpoint string
param queueEndpoint string
param deploymentContainerUrl string
param keyVaultUri string

@secure()
param appInsightsConnectionString string
param maximumInstanceCount int
param instanceMemoryMB int

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'dome' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        // The Functions host: its storage (queue triggers, leases) through the identity, and its telemetry.
        { name: 'AzureWebJobsStorage__accountName', value: storageAccountName }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
        // Dome: Azure storage and Key Vault as the identity; its public issuer URL; scratch space only on the instance.
        { name: 'Dome__Storage__Kind', value: 'azure' }
        { name: 'Dome__Storage__Azure__TableEndpoint', value: tableEndpoint }
        { name: 'Dome__Storage__Azure__QueueEndpoint', value: queueEndpoint }
        { name: 'Dome__Storage__Azure__ClientId', value: identityClientId }
        { name: 'Dome__KeyVault__Uri', value: keyVaultUri }
        { name: 'Dome__Tokens__Issuer', value: 'https://${name}.azurewebsites.net' }
        { name: 'Dome__DataDir', value: '/tmp/dome' }
        { name: 'Dome__Bootstrap', value: 'false' }
        // One JSON line per log record on stdout: the host forwards it to Application Insights (the workbook reads it).
        { name: 'Logging__Console__FormatterName', value: 'json' }
      ]
    }
  }
}

output name string = app.name
output url string = 'https://${app.properties.defaultHostName}'
