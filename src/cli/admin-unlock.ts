import { openDatabase } from '../db/client.ts';
import { authSessions } from '../modules/auth/index.ts';
import { adminUnlock } from '../modules/users/index.ts';
import { systemClock } from '../platform/clock.ts';
import { loadConfig } from '../platform/config.ts';

// npm run admin:unlock -- <username> [--reset-password]
// Works on the same database the server uses: DATABASE_URL if set, else the PGlite in DATA_DIR (stop the
// server first there: the embedded database is opened by one process at a time).
const usage = 'usage: npm run admin:unlock -- <username> [--reset-password]';

const main = async () => {
  const args = process.argv.slice(2);
  const resetPassword = args.includes('--reset-password');
  const names = args.filter((a) => !a.startsWith('--'));
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--reset-password');
  if (names.length !== 1 || unknown.length > 0) {
    console.error(usage);
    process.exit(2);
  }
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await database.migrate();
    const r = await adminUnlock({
      db: database.db,
      clock: systemClock,
      sessions: authSessions,
      username: names[0]!,
      resetPassword,
    });
    if (!r.found) {
      console.error(`[aftersales] no user named "${names[0]}" / 用户不存在`);
      process.exitCode = 1;
      return;
    }
    console.log(
      `[aftersales] ${r.username}: ${r.wasLocked ? 'unlocked' : 'was not locked; failure counts cleared'} / 已解锁`,
    );
    if (r.newPassword) {
      console.log(
        `[aftersales] new password for ${r.username}: ${r.newPassword}  (must be changed at the next login / 下次登录须修改)`,
      );
    }
  } finally {
    await database.close();
  }
};

main().catch((err) => {
  console.error('[aftersales] admin:unlock failed:', (err as Error).message);
  process.exit(1);
});
