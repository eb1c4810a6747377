export { openSqliteStore, SqliteStore } from './sqliteStore';
export { SqliteBotStorage } from './botStateStorage';
export { MIGRATIONS, SchemaTooNewError } from './migrations';
