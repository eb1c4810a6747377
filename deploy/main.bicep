// HoorMij on Azure: Bot registration with its Teams channel, App Service (Linux, Node 24 LTS),
// Cosmos DB (NoSQL) and a Key Vault that holds every secret the app reads.
// Compile it first: az bicep build --file deploy/main.bicep
// Deploy:  az deployment group create -g <rg> -f deploy/main.bicep -p deploy/main.parameters.json \
//            -p pseudonymSecret=$(openssl rand -hex 32) contactKey=$(openssl rand -hex 32) [botAppPassword=<secret>]
// See docs/azure.md. Containers below mirror storage/cosmos/containers.ts (tests/deploy keeps them in step).

@description('Prefix of every resource name; the web app becomes <prefix>-<suffix>.azurewebsites.net.')
param namePrefix string = 'hoormij'

@description('Region of the App Service and Cosmos DB account.')
param location string = resourceGroup().location

@allowed([
  'UserAssignedMSI'
  'SingleTenant'
  'MultiTenant'
])
@description('UserAssignedMSI (default): the template creates a managed identity for the bot, no app registration or client secret. SingleTenant: your own app registration (botAppId + botAppPassword). MultiTenant only for existing multi-tenant registrations (new ones cannot be created since July 2025).')
param botAppType string = 'UserAssignedMSI'

@description('App registration (client) id of the bot; only for SingleTenant or MultiTenant.')
param botAppId string = ''

@description('Tenant of the bot identity.')
param botTenantId string = tenant().tenantId

@secure()
@description('Client secret of the app registration; only for SingleTenant or MultiTenant. Stored in Key Vault.')
param botAppPassword string = ''

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

@minValue(1000)
@description('Autoscale maximum RU/s of the database when cosmosServerless is false (shared by all containers).')
param cosmosMaxThroughput int = 1000

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

@description('WhatsApp Business phone number id; leave empty to run without WhatsApp.')
param whatsappPhoneNumberId string = ''

@secure()
@description('WhatsApp system user access token (Key Vault); only with whatsappPhoneNumberId.')
param whatsappToken string = ''

@secure()
@description('Meta app secret that signs webhook calls (Key Vault); only with whatsappPhoneNumberId.')
param whatsappAppSecret string = ''

@secure()
@description('Token Meta echoes in the webhook verification handshake (Key Vault); only with whatsappPhoneNumberId.')
param whatsappVerifyToken string = ''

var suffix = uniqueString(resourceGroup().id, namePrefix)
var webAppName = '${namePrefix}-${suffix}'
var publicBaseUrl = 'https://${webAppName}.azurewebsites.net'
var botUsesManagedIdentity = botAppType == 'UserAssignedMSI'
var withWhatsApp = !empty(whatsappPhoneNumberId)

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
    // Serverless accounts take no throughput; provisioned ones share autoscale RU/s at database level.
    options: cosmosServerless ? {} : {
      autoscaleSettings: {
        maxThroughput: cosmosMaxThroughput
      }
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
      defaultTtl: c.?ttl
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

// The bot's own identity when botAppType is UserAssignedMSI: no client secret to rotate or leak.
resource botIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = if (botUsesManagedIdentity) {
  name: '${namePrefix}-bot-id-${suffix}'
  location: location
}

var botClientId = botUsesManagedIdentity ? botIdentity.properties.clientId : botAppId

// Every secret the app reads lives here; app settings hold only Key Vault references.
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('${namePrefix}-kv-${suffix}', 24)
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource pseudonymSecretEntry 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'pseudonym-secret'
  properties: {
    value: pseudonymSecret
  }
}

resource contactKeyEntry 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'contact-key'
  properties: {
    value: contactKey
  }
}

resource botPasswordEntry 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!botUsesManagedIdentity) {
  parent: vault
  name: 'bot-app-password'
  properties: {
    value: botAppPassword
  }
}

resource whatsappTokenEntry 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (withWhatsApp) {
  parent: vault
  name: 'whatsapp-token'
  properties: {
    value: whatsappToken
  }
}

resource whatsappAppSecretEntry 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (withWhatsApp) {
  parent: vault
  name: 'whatsapp-app-secret'
  properties: {
    value: whatsappAppSecret
  }
}

resource whatsappVerifyTokenEntry 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (withWhatsApp) {
  parent: vault
  name: 'whatsapp-verify-token'
  properties: {
    value: whatsappVerifyToken
  }
}

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

var coreSettings = [
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
    value: botClientId
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
    name: 'PSEUDONYM_SECRET'
    value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=pseudonym-secret)'
  }
  {
    name: 'CONTACT_KEY'
    value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=contact-key)'
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

var botPasswordSettings = botUsesManagedIdentity ? [] : [
  {
    name: 'MicrosoftAppPassword'
    value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=bot-app-password)'
  }
]

var whatsappSettings = withWhatsApp ? [
  {
    name: 'WHATSAPP_PHONE_NUMBER_ID'
    value: whatsappPhoneNumberId
  }
  {
    name: 'WHATSAPP_TOKEN'
    value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=whatsapp-token)'
  }
  {
    name: 'WHATSAPP_APP_SECRET'
    value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=whatsapp-app-secret)'
  }
  {
    name: 'WHATSAPP_VERIFY_TOKEN'
    value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=whatsapp-verify-token)'
  }
] : []

var appSettings = concat(coreSettings, botPasswordSettings, whatsappSettings)

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  // The system identity reads Key Vault and Cosmos DB; the bot's user-assigned identity (when used)
  // is attached so botbuilder can sign in with it.
  identity: botUsesManagedIdentity ? {
    type: 'SystemAssigned, UserAssigned'
    userAssignedIdentities: {
      '${botIdentity.id}': {}
    }
  } : {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    keyVaultReferenceIdentity: 'SystemAssigned'
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
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

// Key Vault Secrets User for the web app's system identity: App Service resolves the references with it.
resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, site.id, 'key-vault-secrets-user')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
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
    msaAppId: botClientId
    msaAppType: botAppType
    msaAppTenantId: botAppType == 'MultiTenant' ? '' : botTenantId
    msaAppMSIResourceId: botUsesManagedIdentity ? botIdentity.id : null
  }
}

// The Teams channel, so no manual `az bot msteams create` is needed.
resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output webAppName string = site.name
output webAppUrl string = publicBaseUrl
output cosmosEndpoint string = cosmos.properties.documentEndpoint
output cosmosAccountName string = cosmos.name
output botName string = bot.name
output botAppClientId string = botClientId
output keyVaultName string = vault.name
