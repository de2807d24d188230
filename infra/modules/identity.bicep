// The user-assigned managed identity Dome signs in with: to storage (the Functions host and the app), Key Vault and
// Application Insights. User-assigned, so its roles exist before the app first starts.
param name string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
