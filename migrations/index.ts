// The ordered list of migrations. Each is a hand-written TypeORM migration (never synchronize).
// Add new migrations at the end, one import each.
export const allMigrations: Function[] = [];
