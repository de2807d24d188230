// The operators' Azure Monitor workbook ("Dome operations"), shared in the resource group and bound to the
// Application Insights component. Its queries live in ../workbook/dome-operators.workbook.json.
param location string
param tags object

@description('Resource id of the Application Insights component the workbook queries.')
param appInsightsId string

var content = union(loadJsonContent('../workbook/dome-operators.workbook.json'), {
  fallbackResourceIds: [ appInsightsId ]
})

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: guid(resourceGroup().id, 'dome-operators-workbook')
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: 'Dome operations'
    category: 'workbook'
    sourceId: appInsightsId
    serializedData: string(content)
    version: 'Notebook/1.0'
  }
}

output id string = workbook.id
