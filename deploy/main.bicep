// HoorMij on Azure: Bot registration, App Service (Linux, Node 20 LTS) and Cosmos DB (NoSQL).
// Deploy:  az deployment group create -g <rg> -f deploy/main.bicep -p deploy/main.parameters.json \
//            -p botAppPassword=<secret> pseudonymSecret=$(openssl rand -hex 32) contactKey=$(openssl rand -hex 32)
// See docs/azure.md. Containers below mirror storage/cosmos/containers.ts (tests/deploy keeps them in step).

@description('Prefix of every resource name; the web app becomes <prefix>-<suffix>.azurewebsites.net.')
param namePrefix string = 'hoormij'

@description('Region of the App Service and Cosmos DB account.')
param location string = resourceGroup().location

@description('Microsoft Entra app registration (client) id of the bot.')
param botAppId string

@allowed([
  'SingleTenant'
  'MultiTenant'
])
@description('SingleTenant for new bots; MultiTenant only for existing multi-tenant registrations.')
param botAppType string = 'SingleTenant'

@description('Tenant of the app registration (SingleTenant).')
param botTenantId string = tenant().tenantId

@secure()
@description('Client secret of the app registration.')
param botAppPassword string

@secure()
@description('HMAC key for pseudonyms; all instances share it. openssl rand -hex 32')
param pseudonymSecret string

@secure()
@description('AES-256 key for contact data, 64 hex characters. openssl rand -hex 32')
param contactKey string

@description('Cosmos DB database name.')
param cosmosDatabaseName string = 'hoormij'

@description('Serverless (pay per request) or provisioned throughput (set false for steady high load).')
param cosmosServerless bool = true

@description('App Service plan size; B1 is enough for one instance, P1v3 for several.')
param appServiceSku string = 'B1'

@minValue(1)
@description('Number of web app instances.')
param instanceCount int = 1

@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

param retentionDays int = 365
param kAnonymity int = 5

var suffix = uniqueString(resourceGroup().id, namePrefix)
var webAppName = '${namePrefix}-${suffix}'
var publicBaseUrl = 'https://${webAppName}.azurewebsites.net'

// id, partition key and the indexed paths of every container (storage/cosmos/containers.ts)
var containers = [
  {
    id: 'botstate'
    pk: '/pk'
    indexed: ['/pk']
  }
  {
    id: 'responses'
    pk: '/pk'
    indexed: ['/pk', '/participant', '/project', '/createdAt', '/hasText', '/responseId']
  }
  {
    id: 'themechecks'
    pk: '/pk'
    indexed: ['/pk', '/participant', '/project', '/week', '/by', '/answeredAt', '/hasText']
  }
  {
    id: 'participants'
    pk: '/id'
    indexed: ['/codeKey']
  }
  {
    id: 'sessioncodes'
    pk: '/id'
    indexed: []
  }
  {
    id: 'contacts'
    pk: '/participant'
    indexed: ['/participant', '/project', '/channel']
  }
  {
    id: 'updates'
    pk: '/project'
    indexed: ['/project', '/kind', '/participant', '/number']
  }
  {
    id: 'subscriptions'
    pk: '/project'
    indexed: ['/project']
  }
  {
    id: 'digestclaims'
    pk: '/id'
    indexed: []
  }
  {
    id: 'seenmessages'
    pk: '/id'
    indexed: []
    ttl: 2592000
  }
  {
    id: 'deliverystatuses'
    pk: '/pk'
    indexed: []
    ttl: 2592000
  }
  {
    id: 'inbox'
    pk: '/channel'
    indexed: ['/receivedAt']
    ttl: 2592000
  }
  {
    id: 'audit'
    pk: '/id'
    indexed: ['/seq']
  }
  {
    id: 'donotcontact'
    pk: '/id'
    indexed: []
  }
]

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: '${namePrefix}-${suffix}'
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    locations: [
      {
        locationName: location
        failoverPriority: 0
      }
    ]
    capabilities: cosmosServerless ? [
      {
        name: 'EnableServerless'
      }
    ] : []
    // The app signs in with its managed identity; no account key is handed out.
    disableLocalAuth: true
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: cosmos
  name: cosmosDatabaseName
  properties: {
    resource: {
      id: cosmosDatabaseName
    }
  }
}

resource cosmosContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = [for c in containers: {
  parent: database
  name: c.id
  properties: {
    resource: {
      id: c.id
      partitionKey: {
        paths: [c.pk]
        kind: 'Hash'
      }
      // channel bookkeeping expires by itself (CHANNEL_RECORD_DAYS in core/retention.ts)
      defaultTtl: contains(c, 'ttl') ? c.ttl : null
      indexingPolicy: {
        indexingMode: 'consistent'
        automatic: true
        includedPaths: [for p in c.indexed: {
          path: '${p}/?'
        }]
        excludedPaths: [
          {
            path: '/*'
          }
        ]
        compositeIndexes: c.id == 'responses' ? [
          [
            {
              path: '/createdAt'
              order: 'ascending'
            }
            {
              path: '/responseId'
              order: 'ascending'
            }
          ]
        ] : []
      }
    }
  }
}]

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${namePrefix}-plan-${suffix}'
  location: location
  kind: 'linux'
  sku: {
    name: appServiceSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

var appSettings = [
  {
    name: 'STORAGE'
    value: 'cosmos'
  }
  {
    name: 'COSMOS_ENDPOINT'
    value: cosmos.properties.documentEndpoint
  }
  {
    name: 'COSMOS_DATABASE'
    value: cosmosDatabaseName
  }
  {
    name: 'MicrosoftAppId'
    value: botAppId
  }
  {
    name: 'MicrosoftAppType'
    value: botAppType
  }
  {
    name: 'MicrosoftAppTenantId'
    value: botTenantId
  }
  {
    name: 'MicrosoftAppPassword'
    value: botAppPassword
  }
  {
    name: 'PSEUDONYM_SECRET'
    value: pseudonymSecret
  }
  {
    name: 'CONTACT_KEY'
    value: contactKey
  }
  {
    name: 'PUBLIC_BASE_URL'
    value: publicBaseUrl
  }
  {
    name: 'RETENTION_DAYS'
    value: string(retentionDays)
  }
  {
    name: 'K_ANONYMITY'
    value: string(kAnonymity)
  }
  {
    name: 'LOG_LEVEL'
    value: 'info'
  }
  {
    name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
    value: 'true'
  }
]

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'node dist/bot/index.js'
      // The weekly digest and the daily retention job run inside the app: it must not idle out.
      alwaysOn: true
      webSocketsEnabled: true
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: appSettings
    }
  }
}

// Cosmos DB Built-in Data Contributor for the web app's managed identity (data plane only).
resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = {
  parent: cosmos
  name: guid(cosmos.id, site.id, 'data-contributor')
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/00000000-0000-0000-0000-000000000002'
    principalId: site.identity.principalId
    scope: cosmos.id
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${namePrefix}-bot-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: 'HoorMij'
    endpoint: '${publicBaseUrl}/api/messages'
    msaAppId: botAppId
    msaAppType: botAppType
    msaAppTenantId: botAppType == 'SingleTenant' ? botTenantId : ''
  }
}

output webAppName string = site.name
output webAppUrl string = publicBaseUrl
output cosmosEndpoint string = cosmos.properties.documentEndpoint
output cosmosAccountName string = cosmos.name
output botName string = bot.name
