// Entry point for `azd up`. The resources arrive with the Azure deployment issue.
targetScope = 'resourceGroup'

@description('Name of the azd environment; prefixes every resource.')
param environmentName string

@description('Azure region for every resource.')
param location string = resourceGroup().location

output AZURE_LOCATION string = location
output DOME_ENVIRONMENT string = environmentName
