'use strict';
const { requireBuilt } = require('./require-built');
const { withServerDatabase } = require('./server-database');

const ROLES = ['admin', 'duty_officer', 'agency_operator', 'viewer'];

/**
 * `kuzet user create|set-password|list|disable`: people who sign in. Uses the server's own
 * configuration (DATABASE_URL, or the embedded database under KUZET_DATA_DIR; stop the server
 * first when it runs on the embedded database), the same migrations and the same UsersService,
 * so changes are audited (actor "cli") and end the user's sessions as in the API.
 */
function register(program, { root }) {
  const command = program.command('user').description('manage the users who sign in');

  const withUsers = (work) =>
    withServerDatabase(root, (dataSource) => {
      const { UsersService } = requireBuilt(root, 'apps/api/src/users/users.service.ts');
      const { PasswordHasher } = requireBuilt(root, 'apps/api/src/users/password-hasher.ts');
      const { CLI_ACTOR } = requireBuilt(root, 'apps/api/src/audit/audit-entry.ts');
      return work(new UsersService(dataSource, new PasswordHasher()), CLI_ACTOR);
    });

  const checkPassword = (password) => {
    if (password !== undefined && (password.length < 8 || password.length > 1024))
      throw new Error('--password: at least 8 characters');
  };
  const generated = () => require('node:crypto').randomBytes(12).toString('base64url');

  command
    .command('create')
    .description('add a user; without --password one is generated and printed once')
    .requiredOption('--email <email>', 'the e-mail the user signs in with')
    .requiredOption('--role <role>', ROLES.join(' | '))
    .option('--agency <code>', 'the agency code (required for, and only for, agency_operator)')
    .option('--name <name>', 'display name', '')
    .option('--password <password>', 'the password (at least 8 characters)')
    .action(async (options) => {
      if (!ROLES.includes(options.role)) throw new Error(`--role: expected one of ${ROLES.join(', ')}, got "${options.role}"`);
      if (!/^[^\s@]+@[^\s@]+$/.test(options.email)) throw new Error(`--email: expected an e-mail, got "${options.email}"`);
      checkPassword(options.password);
      const password = options.password ?? generated();
      const user = await withUsers((users, actor) =>
        users.create({ email: options.email, name: options.name, role: options.role, agency: options.agency, password }, actor),
      );
      process.stdout.write(`user ${user.id} ${user.email} (${user.role}${user.agency ? `, ${user.agency}` : ''}) created\n`);
      if (!options.password) process.stdout.write(`password (shown once): ${password}\n`);
    });

  command
    .command('set-password')
    .description("set a user's password (ends its sessions); without --password one is generated and printed once")
    .requiredOption('--email <email>', 'the user')
    .option('--password <password>', 'the new password (at least 8 characters)')
    .action(async (options) => {
      checkPassword(options.password);
      const password = options.password ?? generated();
      const user = await withUsers((users, actor) => users.setPassword(options.email, password, actor));
      process.stdout.write(`password of ${user.email} set\n`);
      if (!options.password) process.stdout.write(`password (shown once): ${password}\n`);
    });

  command
    .command('list')
    .description('list users (never their passwords)')
    .action(async () => {
      const rows = await withUsers((users) => users.list());
      for (const u of rows)
        process.stdout.write(`${u.id}\t${u.email}\t${u.role}\t${u.agency ?? '-'}\t${u.disabled ? 'disabled' : 'active'}\t${u.name}\n`);
    });

  command
    .command('disable')
    .description('disable a user (ends its sessions; users are never deleted)')
    .requiredOption('--email <email>', 'the user')
    .action(async (options) => {
      await withUsers(async (users, actor) => {
        const row = await users.findByEmail(options.email);
        if (!row) throw new Error(`no user with e-mail ${options.email}`);
        await users.update(row.id, { disabled: true }, actor);
      });
      process.stdout.write(`user ${options.email} disabled\n`);
    });
}

module.exports = { register };
